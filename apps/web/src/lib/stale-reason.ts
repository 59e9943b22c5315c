/** Why something Jira feeds is out of date: the server's one stale vocabulary (code, message, since). */
export interface StaleLike {
  code: string;
  /** The sentence for people, Jira's own words appended ("… Jira said: …"). */
  message: string;
  since?: string | null | undefined;
}

const REASONS: Record<string, string> = {
  jira_bad_credentials: "Jira refused the token",
  jira_url_blocked: "Jira address not allowed",
  jira_forbidden: "No permission in Jira",
  jira_not_found: "Jira answered “not found”",
  jira_invalid_jql: "Jira rejected the query",
  jira_rate_limited: "Jira is rate limiting",
  jira_unavailable: "Jira is unavailable",
  jira_timeout: "Jira did not answer in time",
  jira_unreachable: "Jira could not be reached",
  jira_malformed_response: "Jira's answer was unreadable",
  jira_page_token_expired: "Jira's paging expired",
  jira_integration_disabled: "Jira is switched off",
  jira_connection_deleted: "Connection deleted",
  jira_epic_not_found: "Epic no longer visible in Jira",
};

/**
 * The reason in a few words for a stale code (the badge's text).
 * @example reasonInWords("jira_timeout") // "Jira did not answer in time"
 */
export function reasonInWords(code: string): string {
  return REASONS[code] ?? "Out of date";
}

/**
 * Jira's own words in a stale message (after "Jira said:"), or null when Jira said nothing.
 * @example jiraWords("Jira rejected the JQL query. Jira said: Field 'foo' does not exist.") // "Field 'foo' does not exist."
 */
export function jiraWords(message: string): string | null {
  const at = message.indexOf("Jira said:");
  return at < 0 ? null : message.slice(at + "Jira said:".length).trim() || null;
}

/** The message without Jira's words (shown separately). */
export function ownWords(message: string): string {
  const at = message.indexOf("Jira said:");
  return (at < 0 ? message : message.slice(0, at)).trim();
}
