import { createJiraClient, type JiraClient, type JiraDeployment, type RetryPolicy } from "@goalpost/jira";

/** How the server reaches Jira: the operator's allow-list and the tuning of interactive calls. */
export interface JiraAccess {
  /** `JIRA_ALLOW_HOSTS`: hosts exempt from the outbound-URL guard. */
  allowHosts: readonly string[];
  /** Per-attempt timeout of calls made while a person waits (default 10 000 ms). */
  timeoutMs?: number;
  /** Retries of those calls (default: 2 attempts, never waiting out a Retry-After in-request). */
  retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout of background (sync) calls (default 30 000 ms). */
  syncTimeoutMs?: number;
  /** Retries of background calls (default: 3 attempts, waiting out a Retry-After of up to 10 s). */
  syncRetry?: Partial<RetryPolicy>;
  /**
   * How long a refresh's HTTP request waits for Jira before answering 202 with the current state marked
   * `refreshing` (default `REFRESH_ANSWER_WAIT_MS`, 5 s); the read goes on in the background.
   */
  refreshAnswerWaitMs?: number;
}

declare const switchChecked: unique symbol;

/**
 * {@link JiraAccess} for one organisation whose Jira switch was on when it was made. Only
 * `jiraAccessIfEnabled` (org-jira-gate.ts) makes one, and every Jira client needs one: the type system keeps
 * any read of Jira from skipping the switch.
 */
export type OrgJiraAccess = JiraAccess & { readonly orgId: string; readonly [switchChecked]: true };

/** Credentials of one connection, the token in clear (only ever in memory). */
export interface JiraCredentials {
  baseUrl: string;
  /** `cloud` when absent. */
  deployment?: JiraDeployment;
  /** Cloud's account e-mail (empty on Data Center). */
  email: string;
  /** The secret: Cloud's API token, or Data Center's personal access token. */
  apiToken: string;
}

/** The `createJiraClient` options for `credentials`: basic auth on Cloud, a bearer PAT on Data Center. */
export function clientCredentials(credentials: JiraCredentials) {
  return credentials.deployment === "dataCenter"
    ? {
        baseUrl: credentials.baseUrl,
        deployment: "dataCenter" as const,
        personalAccessToken: credentials.apiToken,
      }
    : {
        baseUrl: credentials.baseUrl,
        deployment: "cloud" as const,
        email: credentials.email,
        apiToken: credentials.apiToken,
      };
}

/** A read-only Jira client for `credentials`, guarded by the allow-list, tuned for interactive use. */
export function openJiraClient(access: OrgJiraAccess, credentials: JiraCredentials): JiraClient {
  return createJiraClient({
    ...clientCredentials(credentials),
    allowHosts: access.allowHosts,
    timeoutMs: access.timeoutMs ?? 10_000,
    retry: { maxAttempts: 2, maxRetryAfterMs: 0, ...access.retry },
  });
}
