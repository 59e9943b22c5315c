import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { jiraIssues } from "../db/schema/index.ts";
import type { IssueSnapshot } from "./issue-snapshot.ts";

/** Rows per statement when writing or deleting many cached issues. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every issue cached for the connection: its id → Jira's `updated` of the copy. */
export async function listCachedIssueStamps(
  db: Db,
  connectionId: string,
): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ issueId: jiraIssues.issueId, updated: jiraIssues.updated })
    .from(jiraIssues)
    .where(eq(jiraIssues.connectionId, connectionId));
  return new Map(rows.map((row) => [row.issueId, row.updated]));
}

/** The cached issues among `issueIds` (missing ones are absent from the map). */
export async function loadCachedIssues(
  db: Db,
  connectionId: string,
  issueIds: readonly string[],
): Promise<Map<string, IssueSnapshot>> {
  const found = new Map<string, IssueSnapshot>();
  for (const chunk of chunks([...new Set(issueIds)], 5000)) {
    const rows = await db
      .select()
      .from(jiraIssues)
      .where(and(eq(jiraIssues.connectionId, connectionId), inArray(jiraIssues.issueId, chunk)));
    for (const row of rows) found.set(row.issueId, row);
  }
  return found;
}

/** Inserts or replaces cached issues. */
export async function saveCachedIssues(
  db: Db,
  connectionId: string,
  snapshots: readonly IssueSnapshot[],
  fetchedAt: Date,
): Promise<void> {
  const unique = [...new Map(snapshots.map((snapshot) => [snapshot.issueId, snapshot])).values()];
  for (const chunk of chunks(unique)) {
    await db
      .insert(jiraIssues)
      .values(chunk.map((snapshot) => ({ ...snapshot, connectionId, fetchedAt })))
      .onConflictDoUpdate({
        target: [jiraIssues.connectionId, jiraIssues.issueId],
        set: {
          key: sql`excluded.key`,
          summary: sql`excluded.summary`,
          statusName: sql`excluded.status_name`,
          statusCategoryKey: sql`excluded.status_category_key`,
          issueType: sql`excluded.issue_type`,
          numbers: sql`excluded.numbers`,
          updated: sql`excluded.updated`,
          fetchedAt: sql`excluded.fetched_at`,
        },
      });
  }
}

/** Removes cached issues by id. */
export async function deleteCachedIssues(
  db: Db,
  connectionId: string,
  issueIds: readonly string[],
): Promise<void> {
  for (const chunk of chunks(issueIds, 5000)) {
    await db
      .delete(jiraIssues)
      .where(and(eq(jiraIssues.connectionId, connectionId), inArray(jiraIssues.issueId, chunk)));
  }
}

/** Empties the connection's cache (the fields it needs changed, or its site did). */
export async function clearIssueCache(db: Db | Tx, connectionId: string): Promise<void> {
  await db.delete(jiraIssues).where(eq(jiraIssues.connectionId, connectionId));
}
