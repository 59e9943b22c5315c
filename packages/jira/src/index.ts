/** `@goalpost/jira`: the read-only Jira client, Cloud and Data Center (no database knowledge). */
export { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from "./backoff.ts";
export { isBlockedAddress } from "./blocked-addresses.ts";
export { DATA_CENTER_PAGE_CAP } from "./data-center-client.ts";
export { type DetectedDeployment, detectDeployment } from "./detect-deployment.ts";
export { findEpicLinkField, type IssueLinks, issueLinksOf } from "./epic-links.ts";
export { type IssueBasics, issueBasicsOf } from "./issue-fields.ts";
export {
  createJiraClient,
  deploymentOf,
  type JiraClient,
  type JiraClientOptions,
  type JiraDeployment,
  type JiraIssue,
  type JiraProject,
  type JiraServerInfo,
  type JiraUser,
  type ParsedJql,
  type SearchOptions,
} from "./jira-client.ts";
export {
  isJiraError,
  isTransientKind,
  JIRA_ERROR_KINDS,
  JiraError,
  type JiraErrorDetails,
  type JiraErrorKind,
} from "./jira-error.ts";
export type { JiraField } from "./jira-field.ts";
export {
  createSemaphore,
  createSiteLimiter,
  type Semaphore,
  type SiteLimiter,
  sharedSiteLimiter,
} from "./site-limiter.ts";
export {
  extractJiraMessages,
  type FailureContext,
  type JiraFailure,
  parseRetryAfterSeconds,
  toJiraError,
} from "./to-jira-error.ts";
export {
  assertAllowedJiraUrl,
  type HostResolver,
  isAllowedHost,
  systemResolver,
  type UrlGuardOptions,
} from "./url-guard.ts";
