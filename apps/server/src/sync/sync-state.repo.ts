import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import {
  initiativeEpics,
  jiraConnections,
  jiraIntegrations,
  jiraSyncStates,
  keyResults,
  objectives,
  portfolioJiraConfigs,
} from "../db/schema/index.ts";
import type { SyncFailure } from "./sync-outcome.ts";

/** A connection's sync bookkeeping row. */
export type SyncStateRow = typeof jiraSyncStates.$inferSelect;

/**
 * Takes the connection's sync lease for `leaseMs` unless another owner holds an unexpired one: one sync per
 * connection at a time across every process sharing the database. The same owner may take it again (a
 * retried job whose worker died). Returns the state row, or null when busy.
 */
export async function acquireSyncLease(
  db: Db,
  input: { connectionId: string; owner: string; now: Date; leaseMs: number },
): Promise<SyncStateRow | null> {
  const leaseUntil = new Date(input.now.getTime() + input.leaseMs);
  const [row] = await db
    .insert(jiraSyncStates)
    .values({ connectionId: input.connectionId, leaseOwner: input.owner, leaseUntil, nextDueAt: input.now })
    .onConflictDoUpdate({
      target: jiraSyncStates.connectionId,
      set: { leaseOwner: input.owner, leaseUntil },
      setWhere: or(
        isNull(jiraSyncStates.leaseUntil),
        lte(jiraSyncStates.leaseUntil, input.now),
        eq(jiraSyncStates.leaseOwner, input.owner),
      ),
    })
    .returning();
  return row ?? null;
}

/** Extends a held lease (long syncs renew between steps). */
export async function renewSyncLease(
  db: Db,
  input: { connectionId: string; owner: string; now: Date; leaseMs: number },
): Promise<void> {
  await db
    .update(jiraSyncStates)
    .set({ leaseUntil: new Date(input.now.getTime() + input.leaseMs) })
    .where(
      and(eq(jiraSyncStates.connectionId, input.connectionId), eq(jiraSyncStates.leaseOwner, input.owner)),
    );
}

/** Gives the lease back (only if still ours). */
export async function releaseSyncLease(
  db: Db,
  input: { connectionId: string; owner: string },
): Promise<void> {
  await db
    .update(jiraSyncStates)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(
      and(eq(jiraSyncStates.connectionId, input.connectionId), eq(jiraSyncStates.leaseOwner, input.owner)),
    );
}

/** Whether the connection's lease is free now (a waiting refresh polls this). */
export async function isSyncLeaseFree(db: Db, connectionId: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ leaseUntil: jiraSyncStates.leaseUntil })
    .from(jiraSyncStates)
    .where(eq(jiraSyncStates.connectionId, connectionId));
  return !row?.leaseUntil || row.leaseUntil <= now;
}

/** Records a successful sync. A full sync advances the change cursor and the next due time. */
export async function recordSyncSuccess(
  db: Db,
  input: {
    connectionId: string;
    startedAt: Date;
    finishedAt: Date;
    full: { nextDueAt: Date; cachedFields: string[] } | null;
    requestCount: number;
  },
): Promise<void> {
  await db
    .update(jiraSyncStates)
    .set({
      lastAttemptAt: input.startedAt,
      lastSuccessAt: input.finishedAt,
      lastErrorCode: null,
      lastErrorMessage: null,
      failingSince: null,
      failureCount: 0,
      brokenAt: null,
      lastRequestCount: input.requestCount,
      ...(input.full
        ? {
            changeCursorAt: input.startedAt,
            nextDueAt: input.full.nextDueAt,
            cachedFields: input.full.cachedFields,
          }
        : {}),
    })
    .where(eq(jiraSyncStates.connectionId, input.connectionId));
}

/** Records a failed sync: the reason, since when, the failure count, the next try and, if so, that it is broken. */
export async function recordSyncFailure(
  db: Db,
  input: {
    connectionId: string;
    startedAt: Date;
    failure: SyncFailure;
    nextDueAt: Date;
    requestCount: number;
  },
): Promise<SyncStateRow | undefined> {
  const [row] = await db
    .update(jiraSyncStates)
    .set({
      lastAttemptAt: input.startedAt,
      lastErrorCode: input.failure.code,
      lastErrorMessage: input.failure.message,
      failingSince: sql`coalesce(${jiraSyncStates.failingSince}, ${input.startedAt})`,
      failureCount: sql`${jiraSyncStates.failureCount} + 1`,
      brokenAt: input.failure.action === "stop" ? input.startedAt : null,
      nextDueAt: input.nextDueAt,
      lastRequestCount: input.requestCount,
    })
    .where(eq(jiraSyncStates.connectionId, input.connectionId))
    .returning();
  return row;
}

/** Forgets a connection's sync state and cache position (its credentials or site changed): due now, not broken. */
export async function resetSyncState(
  db: Db | Tx,
  input: {
    connectionId: string;
    now: Date;
    forgetCache: boolean;
    /** Also forget the last failure (Jira has just accepted the credentials). */
    clearError?: boolean;
  },
): Promise<void> {
  await db
    .update(jiraSyncStates)
    .set({
      brokenAt: null,
      failureCount: 0,
      nextDueAt: input.now,
      ...(input.clearError ? { lastErrorCode: null, lastErrorMessage: null, failingSince: null } : {}),
      ...(input.forgetCache ? { changeCursorAt: null, cachedFields: [] } : {}),
    })
    .where(eq(jiraSyncStates.connectionId, input.connectionId));
}

/**
 * Connections due for a scheduled sync: some key result, objective or portfolio epic reads Jira through them, their org's
 * integration is on, they are not broken, and their next due time has come (or they never synced).
 */
export async function listDueConnections(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: jiraConnections.id })
    .from(jiraConnections)
    .leftJoin(jiraSyncStates, eq(jiraSyncStates.connectionId, jiraConnections.id))
    .leftJoin(jiraIntegrations, eq(jiraIntegrations.orgId, jiraConnections.orgId))
    .where(
      and(
        sql`coalesce(${jiraIntegrations.enabled}, true)`,
        isNull(jiraSyncStates.brokenAt),
        or(isNull(jiraSyncStates.nextDueAt), lte(jiraSyncStates.nextDueAt, now)),
        // Being synced right now: its sync records the next due time.
        or(isNull(jiraSyncStates.leaseUntil), lte(jiraSyncStates.leaseUntil, now)),
        or(
          sql`exists (select 1 from ${keyResults} where ${keyResults.connectionId} = ${jiraConnections.id} and ${keyResults.dataSource} is not null)`,
          sql`exists (select 1 from ${objectives} where ${objectives.connectionId} = ${jiraConnections.id} and ${objectives.dataSource} is not null)`,
          sql`exists (select 1 from ${initiativeEpics} join ${portfolioJiraConfigs} on ${portfolioJiraConfigs.portfolioId} = ${initiativeEpics.portfolioId} where ${portfolioJiraConfigs.connectionId} = ${jiraConnections.id})`,
        ),
      ),
    );
  return rows.map((row) => row.id);
}
