import { findNumericCustomFields, findStoryPointFields } from "@goalpost/domain";
import { findEpicLinkField } from "@goalpost/jira";
import { eq } from "drizzle-orm";
import { type DiscoveredFieldsCache, jiraConnections } from "../db/schema/index.ts";
import { accessConnection } from "./access-connection.ts";
import { connectionCredentials } from "./connection-credentials.ts";
import type { ConnectionDeps } from "./connection-deps.ts";
import { openJiraClient } from "./jira-access.ts";
import { callJira } from "./jira-failure.ts";
import { jiraAccessForOrg } from "./org-jira-gate.ts";

/** The fields a connection's site offers as metrics, and when they were read from Jira. */
export type ConnectionFields = DiscoveredFieldsCache & { fetchedAt: Date };

/**
 * The story-point fields and numeric custom fields of the connection's site, from the cache on the
 * connection, read from `/rest/api/3/field` when missing or when `refresh` is asked.
 */
export async function getConnectionFields(
  deps: ConnectionDeps,
  input: { id: string; userId: string; refresh: boolean },
): Promise<ConnectionFields> {
  const { row } = await accessConnection(deps.db, { id: input.id, userId: input.userId, purpose: "use" });
  if (!input.refresh && row.fields && row.fieldsFetchedAt) {
    return { ...row.fields, fetchedAt: row.fieldsFetchedAt };
  }
  const jira = openJiraClient(await jiraAccessForOrg(deps, row.orgId), connectionCredentials(deps.box, row));
  const siteFields = await callJira(() => jira.listFields());
  const fields: DiscoveredFieldsCache = {
    storyPointFields: findStoryPointFields(siteFields),
    numericFields: findNumericCustomFields(siteFields),
    epicLinkFieldId: findEpicLinkField(siteFields),
  };
  const fetchedAt = deps.now();
  await deps.db
    .update(jiraConnections)
    .set({ fields, fieldsFetchedAt: fetchedAt })
    .where(eq(jiraConnections.id, row.id));
  return { ...fields, fetchedAt };
}
