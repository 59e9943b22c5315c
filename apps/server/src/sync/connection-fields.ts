import { findNumericCustomFields, findStoryPointFields } from "@goalpost/domain";
import { findEpicLinkField, type JiraClient } from "@goalpost/jira";
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

/** What a sync needs to know of the connection's site fields. */
export interface SyncSiteFields {
  storyPointFieldIds: string[];
  /** The "Epic Link" field, for reading epic queries in one batch (null: the site has none). */
  epicLinkFieldId: string | null;
}

/**
 * The connection's site fields for a sync: the story-point field ids that count (its override when set,
 * otherwise the site's story-point fields as discovered) and the Epic Link field — re-read from Jira when
 * never read, older than a day, or read before the Epic Link field was discovered.
 */
export async function siteFieldsOf(
  db: Db,
  connection: ConnectionRow,
  client: JiraClient,
  now: Date,
): Promise<SyncSiteFields> {
  const fetchedAt = connection.fieldsFetchedAt?.getTime() ?? 0;
  const cached = connection.fields;
  if (cached && cached.epicLinkFieldId !== undefined && now.getTime() - fetchedAt <= FIELDS_MAX_AGE_MS) {
    return {
      storyPointFieldIds: knownStoryPointFieldIds(connection),
      epicLinkFieldId: cached.epicLinkFieldId,
    };
  }
  const siteFields = await client.listFields();
  const fields: DiscoveredFieldsCache = {
    storyPointFields: findStoryPointFields(siteFields),
    numericFields: findNumericCustomFields(siteFields),
    epicLinkFieldId: findEpicLinkField(siteFields),
  };
  await db
    .update(jiraConnections)
    .set({ fields, fieldsFetchedAt: now })
    .where(eq(jiraConnections.id, connection.id));
  return {
    storyPointFieldIds: knownStoryPointFieldIds({
      storyPointFieldIds: connection.storyPointFieldIds,
      fields,
    }),
    epicLinkFieldId: fields.epicLinkFieldId ?? null,
  };
}

/**
 * The story-point field ids that count for the connection (see {@link siteFieldsOf}).
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
  return (await siteFieldsOf(db, connection, client, now)).storyPointFieldIds;
}
