import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { initiativeEpics, users } from "../db/schema/index.ts";
import { type InitiativeView, initiativeView } from "./initiative-view.ts";
import type { EpicRow, InitiativeRow } from "./portfolio.repo.ts";

/** Presents initiatives with their epics and owners, loaded in two queries. */
export async function presentInitiatives(
  db: Db | Tx,
  rows: readonly InitiativeRow[],
): Promise<InitiativeView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((id) => id !== null))];
  const [epics, owners] = await Promise.all([
    db
      .select()
      .from(initiativeEpics)
      .where(inArray(initiativeEpics.initiativeId, ids))
      .orderBy(asc(initiativeEpics.epicKey)),
    ownerIds.length === 0
      ? Promise.resolve([])
      : db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ownerIds)),
  ]);
  const epicsOf = new Map<string, EpicRow[]>();
  for (const epic of epics) epicsOf.set(epic.initiativeId, [...(epicsOf.get(epic.initiativeId) ?? []), epic]);
  const nameOf = new Map(owners.map((o) => [o.id, o.name]));
  return rows.map((row) =>
    initiativeView(
      row,
      epicsOf.get(row.id) ?? [],
      row.ownerId === null ? null : (nameOf.get(row.ownerId) ?? null),
    ),
  );
}

/** The epics linked to one initiative, by key. */
export async function listInitiativeEpicRows(db: Db | Tx, initiativeId: string): Promise<EpicRow[]> {
  return db
    .select()
    .from(initiativeEpics)
    .where(eq(initiativeEpics.initiativeId, initiativeId))
    .orderBy(asc(initiativeEpics.epicKey));
}
