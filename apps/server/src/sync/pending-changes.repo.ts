import { and, count, eq, lte, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { jiraPendingChanges } from "../db/schema/index.ts";

/** An issue Jira said changed, not yet read by a sync (see `jira_pending_changes`). */
export interface PendingChange {
  issueId: string | null;
  /** Upper-case; null for an event Jira sent without its issue (every query may be affected). */
  issueKey: string | null;
  parentKey: string | null;
}

/** Beyond this many waiting changes a live re-sync reads every query: targeting would not save anything. */
export const MAX_PENDING_CHANGES = 2000;

function refOf(change: PendingChange): string {
  if (change.issueId !== null) return `id:${change.issueId}`;
  if (change.issueKey !== null) return `key:${change.issueKey}`;
  return "all:";
}

/** Records changed issues of a connection (one row per issue: a later change of it replaces the earlier). */
export async function recordPendingChanges(
  db: Db,
  connectionId: string,
  changes: readonly PendingChange[],
  at: Date,
): Promise<void> {
  if (changes.length === 0) return;
  const rows = new Map(
    changes.map((change) => [
      refOf(change),
      {
        connectionId,
        ref: refOf(change),
        issueId: change.issueId,
        issueKey: change.issueKey?.toUpperCase() ?? null,
        parentKey: change.parentKey?.toUpperCase() ?? null,
        recordedAt: at,
      },
    ]),
  );
  await db
    .insert(jiraPendingChanges)
    .values([...rows.values()])
    .onConflictDoUpdate({
      target: [jiraPendingChanges.connectionId, jiraPendingChanges.ref],
      set: {
        issueKey: sql`excluded.issue_key`,
        parentKey: sql`excluded.parent_key`,
        recordedAt: sql`excluded.recorded_at`,
      },
    });
}

/**
 * The changes recorded up to `upTo`, or null when there are more than {@link MAX_PENDING_CHANGES} (read
 * everything then).
 */
export async function listPendingChanges(
  db: Db,
  connectionId: string,
  upTo: Date,
): Promise<PendingChange[] | null> {
  const where = and(
    eq(jiraPendingChanges.connectionId, connectionId),
    lte(jiraPendingChanges.recordedAt, upTo),
  );
  const [total] = await db.select({ n: count() }).from(jiraPendingChanges).where(where);
  if ((total?.n ?? 0) > MAX_PENDING_CHANGES) return null;
  return db
    .select({
      issueId: jiraPendingChanges.issueId,
      issueKey: jiraPendingChanges.issueKey,
      parentKey: jiraPendingChanges.parentKey,
    })
    .from(jiraPendingChanges)
    .where(where);
}

/** Forgets the changes recorded up to `upTo`: a sync that started after them has read them. */
export async function consumePendingChanges(db: Db, connectionId: string, upTo: Date): Promise<void> {
  await db
    .delete(jiraPendingChanges)
    .where(and(eq(jiraPendingChanges.connectionId, connectionId), lte(jiraPendingChanges.recordedAt, upTo)));
}
