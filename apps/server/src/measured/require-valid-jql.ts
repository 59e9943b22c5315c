import { DomainError, isDomainError } from "@goalpost/domain";
import type { StoredDataSource } from "../db/schema/index.ts";
import { accessConnection } from "../jira-connections/access-connection.ts";
import { jqlVerdict } from "../jira-connections/check-jql.ts";
import { connectionCredentials } from "../jira-connections/connection-credentials.ts";
import type { ConnectionDeps } from "../jira-connections/connection-deps.ts";
import { openJiraClient } from "../jira-connections/jira-access.ts";
import { callJira } from "../jira-connections/jira-failure.ts";
import { jiraAccessForOrg } from "../jira-connections/org-jira-gate.ts";

/**
 * Refuses a new or changed JQL that Jira says is invalid — the editor's own check (`/jql/parse`, strict) —
 * with `jira_rejected` (422), Jira's messages in `details.jira` and on the field `dataSource.jql`, so an edit
 * can never save a query that would wipe the item's number. An unchanged query is not re-checked. A connection
 * the caller may not use is left to `validateMeasured` (it refuses it with the field named); Jira unreachable
 * refuses the edit (502/504) rather than save an unchecked query. Call it before the edit's transaction: it
 * calls Jira.
 */
export async function requireValidJql(
  deps: ConnectionDeps,
  input: { userId: string; dataSource: StoredDataSource | null; previous?: StoredDataSource | null },
): Promise<void> {
  const { dataSource } = input;
  if (!dataSource) return;
  const { previous } = input;
  if (previous && previous.jql === dataSource.jql && previous.connectionId === dataSource.connectionId)
    return;
  let connection: Awaited<ReturnType<typeof accessConnection>>;
  try {
    connection = await accessConnection(deps.db, {
      id: dataSource.connectionId,
      userId: input.userId,
      purpose: "use",
    });
  } catch (error) {
    if (isDomainError(error)) return;
    throw error;
  }
  const { row } = connection;
  const jira = openJiraClient(await jiraAccessForOrg(deps, row.orgId), connectionCredentials(deps.box, row));
  const { errors } = await callJira(() => jqlVerdict(jira, dataSource.jql));
  if (errors.length === 0) return;
  throw new DomainError("jira_rejected", `Jira says the JQL is not valid: ${errors.join(" ")}`, {
    jira: errors,
    fields: { "dataSource.jql": errors.join(" ") },
  });
}
