import type { JiraError, JiraErrorKind } from "@goalpost/jira";

/**
 * What the sync engine does about a failed Jira call:
 * - `retry`: the whole connection's sync failed; keep the last good values, mark items stale, back off.
 * - `stop`: the credentials or the address are refused; mark the connection broken and make no call until
 *   it is edited.
 * - `report`: only this query failed (Jira rejected the JQL); its items are stale with Jira's message, the
 *   other queries of the connection sync normally.
 */
export type SyncAction = "retry" | "stop" | "report";

/**
 * How one kind of Jira failure shows on what it made stale — key results, objectives, portfolio epics,
 * connections and portfolio integrations alike.
 */
export interface FailureRule {
  action: SyncAction;
  /** Stable code shown in `state.stale.code`. */
  code: string;
  /** Sentence for people; Jira's own messages are appended where they explain more. */
  message: string;
}

/** The one exhaustive table: every Jira failure kind → the sync outcome. */
export const SYNC_OUTCOMES: Readonly<Record<JiraErrorKind, FailureRule>> = {
  bad_credentials: {
    action: "stop",
    code: "jira_bad_credentials",
    message:
      "Jira refused the connection's credentials (API token or personal access token revoked or expired?): update the token.",
  },
  blocked_url: {
    action: "stop",
    code: "jira_url_blocked",
    message: "The connection's Jira address is not allowed by this server: change the address.",
  },
  forbidden: {
    action: "retry",
    code: "jira_forbidden",
    message: "Jira says the connection's account may not search these issues.",
  },
  not_found: {
    action: "retry",
    code: "jira_not_found",
    message: "Jira answered 'not found': check the connection's address.",
  },
  invalid_jql: { action: "report", code: "jira_invalid_jql", message: "Jira rejected the JQL query." },
  rate_limited: {
    action: "retry",
    code: "jira_rate_limited",
    message: "Jira is rate limiting the connection.",
  },
  unavailable: { action: "retry", code: "jira_unavailable", message: "Jira is unavailable." },
  timeout: { action: "retry", code: "jira_timeout", message: "Jira did not answer in time." },
  unreachable: { action: "retry", code: "jira_unreachable", message: "Jira could not be reached." },
  page_token_expired: {
    action: "retry",
    code: "jira_page_token_expired",
    message: "Jira's result pages expired while Goalpost read them; the sync starts again shortly.",
  },
  malformed_response: {
    action: "retry",
    code: "jira_malformed_response",
    message: "Jira answered with something Goalpost could not read.",
  },
};

/** A failure as stored on items, queries and the connection's sync state. */
export interface SyncFailure extends FailureRule {
  retryAfterSeconds?: number;
}

/**
 * The stored failure for a Jira error: the table's outcome, with Jira's own messages appended (they
 * explain an invalid query; they never contain the token).
 * @example syncFailureOf(new JiraError("invalid_jql", "400", { jiraMessages: ["Field 'foo' does not exist."] }))
 */
export function syncFailureOf(error: JiraError): SyncFailure {
  const outcome = SYNC_OUTCOMES[error.kind];
  const jira = error.jiraMessages.filter((message) => message.trim() !== "").join(" ");
  return {
    ...outcome,
    message: jira === "" ? outcome.message : `${outcome.message} Jira said: ${jira}`.slice(0, 1000),
    ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
  };
}
