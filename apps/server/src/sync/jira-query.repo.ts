import { createHash } from "node:crypto";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { jiraQueries } from "../db/schema/index.ts";
import type { SyncFailure } from "./sync-outcome.ts";

/** A distinct JQL of a connection and the issues it matched at the last sync. */
export type JiraQueryRow = typeof jiraQueries.$inferSelect;

/**
 * The key of a JQL in `jira_queries`: SHA-256 of its exact text, hex.
 * @example jqlHash('"Epic Link" = AE-786')
 */
export function jqlHash(jql: string): string {
  return createHash("sha256").update(jql).digest("hex");
}

/** One query of a connection by its JQL, or undefined when it was never synced. */
export async function findJiraQuery(
  db: Db,
  connectionId: string,
  jql: string,
): Promise<JiraQueryRow | undefined> {
  const [row] = await db
    .select()
    .from(jiraQueries)
    .where(and(eq(jiraQueries.connectionId, connectionId), eq(jiraQueries.jqlHash, jqlHash(jql))));
  return row;
}

/** What a connection's queries are known to match, as far as its syncs got. */
export interface QueryStates {
  /** The members each query matched at its last successful read, and whether it is failing now, by JQL. */
  read: Map<string, { issueIds: string[]; failing: boolean }>;
  /** The queries Jira refused at every read so far (tried, never read): a deleted project or epic. */
  refused: Set<string>;
}

/** The states of the connection's queries (one query). */
export async function listQueryStates(db: Db, connectionId: string): Promise<QueryStates> {
  const rows = await db
    .select({
      jql: jiraQueries.jql,
      issueIds: jiraQueries.issueIds,
      errorCode: jiraQueries.errorCode,
      syncedAt: jiraQueries.syncedAt,
    })
    .from(jiraQueries)
    .where(eq(jiraQueries.connectionId, connectionId));
  const states: QueryStates = { read: new Map(), refused: new Set() };
  for (const row of rows) {
    if (row.syncedAt !== null) {
      states.read.set(row.jql, { issueIds: row.issueIds, failing: row.errorCode !== null });
    } else if (row.errorCode !== null) {
      states.refused.add(row.jql);
    }
  }
  return states;
}

/** The members each query of the connection matched at its last successful read, and whether it is failing, by JQL. */
export async function listQueryMembers(
  db: Db,
  connectionId: string,
): Promise<Map<string, { issueIds: string[]; failing: boolean }>> {
  return (await listQueryStates(db, connectionId)).read;
}

/** Marks queries as read now without rewriting their (unchanged) members. */
export async function touchQueries(
  db: Db,
  input: { connectionId: string; jqls: readonly string[]; syncedAt: Date },
): Promise<void> {
  if (input.jqls.length === 0) return;
  await db
    .update(jiraQueries)
    .set({ syncedAt: input.syncedAt })
    .where(
      and(
        eq(jiraQueries.connectionId, input.connectionId),
        inArray(jiraQueries.jqlHash, input.jqls.map(jqlHash)),
      ),
    );
}

/** Stores the members a query matched now (its error cleared). */
export async function saveQueryMembers(
  db: Db,
  input: { connectionId: string; jql: string; issueIds: readonly string[]; syncedAt: Date },
): Promise<void> {
  const values = {
    connectionId: input.connectionId,
    jqlHash: jqlHash(input.jql),
    jql: input.jql,
    issueIds: [...input.issueIds],
    syncedAt: input.syncedAt,
    errorCode: null,
    errorMessage: null,
    errorSince: null,
  };
  await db
    .insert(jiraQueries)
    .values(values)
    .onConflictDoUpdate({
      target: [jiraQueries.connectionId, jiraQueries.jqlHash],
      set: {
        issueIds: values.issueIds,
        syncedAt: input.syncedAt,
        errorCode: null,
        errorMessage: null,
        errorSince: null,
      },
    });
}

/** Stores why a query failed, keeping the members it matched last time. */
export async function saveQueryFailure(
  db: Db,
  input: { connectionId: string; jql: string; failure: SyncFailure; at: Date },
): Promise<void> {
  await db
    .insert(jiraQueries)
    .values({
      connectionId: input.connectionId,
      jqlHash: jqlHash(input.jql),
      jql: input.jql,
      errorCode: input.failure.code,
      errorMessage: input.failure.message,
      errorSince: input.at,
    })
    .onConflictDoUpdate({
      target: [jiraQueries.connectionId, jiraQueries.jqlHash],
      set: {
        errorCode: input.failure.code,
        errorMessage: input.failure.message,
        errorSince: sql`coalesce(${jiraQueries.errorSince}, ${input.at})`,
      },
    });
}

/** Drops the queries of a connection that no item uses any more. */
export async function deleteUnusedQueries(
  db: Db,
  connectionId: string,
  usedJqls: readonly string[],
): Promise<void> {
  const used = usedJqls.map(jqlHash);
  await db
    .delete(jiraQueries)
    .where(
      used.length === 0
        ? eq(jiraQueries.connectionId, connectionId)
        : and(eq(jiraQueries.connectionId, connectionId), notInArray(jiraQueries.jqlHash, used)),
    );
}
