import { findNumericCustomFields, findStoryPointFields } from "@goalpost/domain";
import type { JiraClient } from "@goalpost/jira";
import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { type DiscoveredFieldsCache, jiraConnections } from "../db/schema/index.ts";
import type { ConnectionRow } from "../jira-connections/connection.repo.ts";

/** Field discovery is refreshed at least this often (the issue: "refreshed daily"). */
export const FIELDS_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * The story-point field ids that count for the connection as far as Goalpost knows without asking Jira: its
 * override when set, otherwise the site's story-point fields as last discovered (none before discovery).
 */
export function knownStoryPointFieldIds(
  connection: Pick<ConnectionRow, "storyPointFieldIds" | "fields">,
): string[] {
  return connection.storyPointFieldIds ?? connection.fields?.storyPointFields.map((field) => field.id) ?? [];
}

/**
 * The story-point field ids that count for the connection: its override when set, otherwise the site's
 * story-point fields as discovered — re-read from Jira when never read or older than a day.
 */
export async function storyPointFieldIdsOf(
  db: Db,
  connection: ConnectionRow,
  client: JiraClient,
  now: Date,
): Promise<string[]> {
  const fetchedAt = connection.fieldsFetchedAt?.getTime() ?? 0;
  const fresh = connection.fields !== null && now.getTime() - fetchedAt <= FIELDS_MAX_AGE_MS;
  if (connection.storyPointFieldIds || fresh) return knownStoryPointFieldIds(connection);
  const siteFields = await client.listFields();
  const fields: DiscoveredFieldsCache = {
    storyPointFields: findStoryPointFields(siteFields),
    numericFields: findNumericCustomFields(siteFields),
  };
  await db
    .update(jiraConnections)
    .set({ fields, fieldsFetchedAt: now })
    .where(eq(jiraConnections.id, connection.id));
  return knownStoryPointFieldIds({ storyPointFieldIds: null, fields });
}
