/** The typed outcome of a failed Jira call: one `kind` per way Jira (or the road to it) can fail. */

/** Every way a Jira call can fail. */
export const JIRA_ERROR_KINDS = [
  "bad_credentials",
  "forbidden",
  "not_found",
  "invalid_jql",
  "rate_limited",
  "unavailable",
  "timeout",
  "malformed_response",
  /** Jira refused a `nextPageToken` it had given (expired mid-read): the read must start again. */
  "page_token_expired",
  "unreachable",
  "blocked_url",
] as const;

/** One way a Jira call can fail. */
export type JiraErrorKind = (typeof JIRA_ERROR_KINDS)[number];

/** Kinds worth retrying: the same request may well succeed a moment later. */
const TRANSIENT_KINDS: ReadonlySet<JiraErrorKind> = new Set([
  "rate_limited",
  "unavailable",
  "timeout",
  "unreachable",
]);

/** Whether a failure of this kind is transient (retried with backoff). */
export function isTransientKind(kind: JiraErrorKind): boolean {
  return TRANSIENT_KINDS.has(kind);
}

/** Details carried by a {@link JiraError}. */
export interface JiraErrorDetails {
  /** HTTP status, when Jira answered. */
  status?: number;
  /** Jira's own messages (`errorMessages` plus the values of `errors`, or `message`), never credentials. */
  jiraMessages?: readonly string[];
  /** Seconds Jira asked us to wait (`Retry-After`), for `rate_limited` and some `unavailable`. */
  retryAfterSeconds?: number;
  /** `METHOD /path` of the call that failed (no query string, no host credentials). */
  endpoint?: string;
  /** The underlying error, for logs. */
  cause?: unknown;
}

/**
 * A failed Jira call. Built only by `toJiraError` (one exhaustive mapping); callers switch on `kind`.
 * Messages never contain the API token.
 */
export class JiraError extends Error {
  override readonly name = "JiraError";
  readonly kind: JiraErrorKind;
  readonly status: number | undefined;
  readonly jiraMessages: readonly string[];
  readonly retryAfterSeconds: number | undefined;
  readonly endpoint: string | undefined;

  constructor(kind: JiraErrorKind, message: string, details: JiraErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.jiraMessages = details.jiraMessages ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.endpoint = details.endpoint;
  }

  /** Whether retrying the same call later may succeed. */
  get transient(): boolean {
    return isTransientKind(this.kind);
  }
}

/** Type guard for {@link JiraError}. */
export function isJiraError(value: unknown): value is JiraError {
  return value instanceof JiraError;
}
