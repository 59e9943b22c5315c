/**
 * The one stale vocabulary, for everything Jira feeds — key results, objectives, portfolio epics, connections
 * and portfolio integrations: a stable code (`jira_…`, from the failure table in sync-outcome.ts, or a reason
 * of Goalpost's own such as `jira_integration_disabled`), the sentence for people with Jira's own message
 * appended, and since when the reason has held (null where it is not a recorded failure).
 */
export interface StaleReason {
  code: string;
  message: string;
  since: Date | null;
}
