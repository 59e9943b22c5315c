import type { JiraError, JiraErrorKind } from "@goalpost/jira";

/** What a failed portfolio sync records and does next. */
export interface SyncFailure {
  /** Stored as the stale / error code. */
  code: JiraErrorKind;
  /** Shown beside the stale values. */
  message: string;
  /** The configuration stops syncing until a Portfolio Manager edits it. */
  unhealthy: boolean;
  /** pg-boss retries the job with backoff. */
  retry: boolean;
}

type Rule = Omit<SyncFailure, "code" | "message"> & { message: string };

/** One row per Jira failure kind: exhaustive, so a new kind fails type-checking here. */
const RULES: Record<JiraErrorKind, Rule> = {
  bad_credentials: {
    message:
      "Jira refused the integration's e-mail and API token (revoked or wrong): a Portfolio Manager must edit the configuration.",
    unhealthy: true,
    retry: false,
  },
  forbidden: {
    message: "Jira says the integration's account may not read this.",
    unhealthy: false,
    retry: false,
  },
  not_found: {
    message: "Jira answered 'not found': check the Jira environment URL.",
    unhealthy: true,
    retry: false,
  },
  invalid_jql: { message: "Jira rejected the progress query.", unhealthy: false, retry: false },
  blocked_url: {
    message: "The Jira environment URL is not allowed by this Goalpost server.",
    unhealthy: true,
    retry: false,
  },
  rate_limited: {
    message: "Jira is rate limiting the integration's account.",
    unhealthy: false,
    retry: true,
  },
  timeout: { message: "Jira did not answer in time.", unhealthy: false, retry: true },
  unavailable: { message: "Jira is unavailable right now.", unhealthy: false, retry: true },
  unreachable: { message: "Jira could not be reached.", unhealthy: false, retry: true },
  malformed_response: {
    message: "Jira answered with something we could not read.",
    unhealthy: false,
    retry: true,
  },
};

/** Classifies a failed sync: the stale reason, whether the configuration turns unhealthy, whether to retry. */
export function classifySyncFailure(error: JiraError): SyncFailure {
  const rule = RULES[error.kind];
  const jira = error.jiraMessages.length > 0 ? ` Jira: ${error.jiraMessages.join(" ")}` : "";
  return { code: error.kind, ...rule, message: `${rule.message}${jira}` };
}
