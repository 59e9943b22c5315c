import type { ConnectionSharing } from "@goalpost/domain";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { jiraConnectionMembers, jiraConnections, jiraSyncStates, memberships } from "../db/schema/index.ts";

/** A connection row with its sharing resolved (the sealed token stays in `apiTokenSealed`). */
export type ConnectionRow = typeof jiraConnections.$inferSelect;

/** A connection, who it is shared with, and its sync bookkeeping (null before its first sync). */
export interface StoredConnection {
  row: ConnectionRow;
  sharing: ConnectionSharing;
  sync: typeof jiraSyncStates.$inferSelect | null;
}

async function sharingOf(db: Db | Tx, rows: ConnectionRow[]): Promise<StoredConnection[]> {
  const ids = rows.filter((row) => row.sharing === "members").map((row) => row.id);
  const members =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(jiraConnectionMembers)
          .where(inArray(jiraConnectionMembers.connectionId, ids))
          .orderBy(asc(jiraConnectionMembers.userId));
  const syncStates =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(jiraSyncStates)
          .where(
            inArray(
              jiraSyncStates.connectionId,
              rows.map((row) => row.id),
            ),
          );
  return rows.map((row) => ({
    row,
    sync: syncStates.find((state) => state.connectionId === row.id) ?? null,
    sharing:
      row.sharing === "members"
        ? {
            kind: "members",
            userIds: members.filter((m) => m.connectionId === row.id).map((m) => m.userId),
          }
        : { kind: row.sharing },
  }));
}

/** One connection by id, or null. */
export async function findConnection(db: Db | Tx, id: string): Promise<StoredConnection | null> {
  const rows = await db.select().from(jiraConnections).where(eq(jiraConnections.id, id));
  const [found] = await sharingOf(db, rows);
  return found ?? null;
}

/** Every connection of an organisation, oldest first — not portfolios' own (they show on their portfolio). */
export async function listOrgConnections(db: Db, orgId: string): Promise<StoredConnection[]> {
  const rows = await db
    .select()
    .from(jiraConnections)
    .where(and(eq(jiraConnections.orgId, orgId), isNull(jiraConnections.portfolioId)))
    .orderBy(asc(jiraConnections.createdAt), asc(jiraConnections.id));
  return sharingOf(db, rows);
}

/** Replaces the member list a connection is shared with (empty unless sharing is `members`). */
export async function replaceSharedMembers(tx: Tx, connectionId: string, sharing: ConnectionSharing) {
  await tx.delete(jiraConnectionMembers).where(eq(jiraConnectionMembers.connectionId, connectionId));
  if (sharing.kind !== "members" || sharing.userIds.length === 0) return;
  await tx
    .insert(jiraConnectionMembers)
    .values([...new Set(sharing.userIds)].map((userId) => ({ connectionId, userId })));
}

/** The ids among `userIds` that are not members of `orgId`. */
export async function findNonMembers(db: Db | Tx, orgId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  const found = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, [...userIds])));
  const known = new Set(found.map((row) => row.userId));
  return userIds.filter((id) => !known.has(id));
}
