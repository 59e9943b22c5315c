import { DomainError } from "@goalpost/domain";
import { isJiraError, type JiraError } from "@goalpost/jira";

function details(error: JiraError): Record<string, unknown> {
  return {
    jiraKind: error.kind,
    jira: [...error.jiraMessages],
    ...(error.status === undefined ? {} : { jiraStatus: error.status }),
    ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
  };
}

/**
 * The domain error for a failed Jira call: Jira said no → 422 with its messages in `details.jira`; the URL
 * guard refused → 422; rate limited → 429; unreachable, 5xx or nonsense → 502; timeout → 504. Messages
 * are ours and Jira's, never the token. Anything that is not a Jira error is returned unchanged.
 */
export function toJiraDomainError(error: unknown): unknown {
  if (!isJiraError(error)) return error;
  const info = details(error);
  switch (error.kind) {
    case "bad_credentials":
      return new DomainError(
        "jira_rejected",
        "Jira refused the credentials (Cloud: the e-mail and API token; Data Center: the personal access token): check them and that the token is not revoked or expired.",
        info,
      );
    case "forbidden":
      return new DomainError("jira_rejected", "Jira says this account may not do that.", info);
    case "not_found":
      return new DomainError(
        "jira_rejected",
        "Jira answered 'not found': check the base URL is the site's address.",
        info,
      );
    case "invalid_jql":
      return new DomainError("jira_rejected", "Jira rejected the request.", info);
    case "blocked_url":
      return new DomainError(
        "jira_url_blocked",
        "That Jira address is not allowed: use the https address of a public Jira Cloud site, or ask whoever runs Goalpost to add its host to JIRA_ALLOW_HOSTS (for a self-hosted or test Jira).",
        info,
      );
    case "rate_limited":
      return new DomainError(
        "jira_rate_limited",
        "Jira is rate limiting this account: try again shortly.",
        info,
      );
    case "timeout":
      return new DomainError("jira_timeout", "Jira did not answer in time.", info);
    case "unavailable":
      return new DomainError("jira_unavailable", "Jira is unavailable right now.", info);
    case "unreachable":
      return new DomainError("jira_unavailable", "Jira could not be reached.", info);
    case "page_token_expired":
      return new DomainError("jira_unavailable", "Jira's result pages expired mid-read: try again.", info);
    case "malformed_response":
      return new DomainError("jira_unavailable", "Jira answered with something we could not read.", info);
  }
}

/** Runs a Jira call, turning a {@link JiraError} into the matching domain error. */
export async function callJira<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toJiraDomainError(error);
  }
}
