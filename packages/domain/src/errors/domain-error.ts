/**
 * Every failure a use case can report, by code. The HTTP edge maps each code to a status in one
 * exhaustive table (`apps/server/src/http/error-status.ts`), so adding a code here forces a decision there.
 */
export type DomainErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "email_taken"
  | "last_admin"
  | "invite_not_found"
  | "invite_expired"
  | "rate_limited"
  | "metric_not_offered"
  | "jira_integration_disabled"
  | "jira_rejected"
  | "jira_url_blocked"
  | "jira_unavailable"
  | "jira_timeout"
  | "jira_rate_limited";

/** A typed, expected failure of a use case. `details` must never carry secrets. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is a {@link DomainError}, optionally of the given code. */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
