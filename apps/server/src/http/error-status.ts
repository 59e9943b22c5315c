import type { DomainErrorCode } from "@goalpost/domain";

/** The one place a domain error code becomes an HTTP status. Exhaustive: a new code fails type-checking here. */
export const ERROR_STATUS: Record<DomainErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  last_admin: 409,
  invite_not_found: 404,
  invite_expired: 410,
  rate_limited: 429,
  metric_not_offered: 400,
  jira_integration_disabled: 409,
  jira_rejected: 422,
  jira_url_blocked: 422,
  jira_unavailable: 502,
  jira_timeout: 504,
  jira_rate_limited: 429,
};
