import { randomUUID } from "node:crypto";
import type { Measure, MetricResult } from "@goalpost/domain";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { checkIns, keyResults, objectives, type StoredDataSource } from "../db/schema/index.ts";
import { MEASURED_KINDS, type MeasuredItemRef, type MeasuredKind } from "./measured-kind.ts";

/**
 * The one place an item's state columns (value, progress, counts, sync time, staleness) are written and its
 * check-ins inserted: by a sync (`saveItemResult`, `confirmItems`, `markItemsStale`), a manual check-in
 * (`saveManualValue`) and an edit of its measure or data source (`writeMeasuredEdit`).
 */

/** The table a measured item of `kind` lives in. */
export const measuredTable = (kind: MeasuredKind) => (kind === "key_result" ? keyResults : objectives);

/** A measured item's state columns emptied: nothing known yet (a new or changed data source). */
export const EMPTY_STATE = {
  value: null,
  progress: null,
  noDataReason: null,
  issueCount: null,
  doneCount: null,
  syncedAt: null,
  staleCode: null,
  staleMessage: null,
  staleSince: null,
} as const;

/** The state columns an edit writes: emptied, only the progress recomputed, or nothing. */
export type EditedState = Partial<Record<keyof typeof EMPTY_STATE, null>> | { progress: number | null };

/** An item with the measure and data source a sync result was computed for. */
export interface ComputedFor extends MeasuredItemRef {
  orgId: string;
  measure: Measure;
  dataSource: StoredDataSource;
}

/** What a sync computed for one item: the metric's result and the sizes of `S` and `D`. */
export interface ItemResult extends MetricResult {
  issueCount: number;
  doneCount: number;
}

/** The check-in's owner column for an item. */
const subjectOf = (ref: MeasuredItemRef) =>
  ref.kind === "key_result" ? { keyResultId: ref.id } : { objectiveId: ref.id };

function sameConfig(item: ComputedFor) {
  const table = measuredTable(item.kind);
  return sql`(${table.id} = ${item.id} and ${table.measure} = ${JSON.stringify(item.measure)}::jsonb and ${table.dataSource} = ${JSON.stringify(item.dataSource)}::jsonb)`;
}

/**
 * Stores a fresh result on the item — only if its measure and data source are still those the result was
 * computed for (an edit during the sync wins). When the numbers changed, a check-in by "Jira" records them;
 * the change is detected by the update itself, so two concurrent syncs never write the same check-in twice.
 */
export async function saveItemResult(
  db: Db,
  item: ComputedFor,
  result: ItemResult,
  now: Date,
): Promise<void> {
  const table = measuredTable(item.kind);
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(table)
      .set({
        value: result.value,
        progress: result.progress,
        noDataReason: result.reason ?? null,
        issueCount: result.issueCount,
        doneCount: result.doneCount,
      })
      .where(
        and(
          sameConfig(item),
          or(
            sql`${table.value} is distinct from ${result.value}::double precision`,
            sql`${table.progress} is distinct from ${result.progress}::double precision`,
            sql`${table.issueCount} is distinct from ${result.issueCount}::integer`,
            sql`${table.doneCount} is distinct from ${result.doneCount}::integer`,
            sql`${table.noDataReason} is distinct from ${result.reason ?? null}::text`,
          ),
        ),
      )
      .returning({ id: table.id });
    if (changed.length > 0) {
      await tx.insert(checkIns).values({
        id: randomUUID(),
        orgId: item.orgId,
        ...subjectOf(item),
        source: "jira",
        value: result.value,
        progress: result.progress,
        issueCount: result.issueCount,
        doneCount: result.doneCount,
        createdAt: now,
      });
    }
    await tx
      .update(table)
      .set({ syncedAt: now, staleCode: null, staleMessage: null, staleSince: null })
      .where(sameConfig(item));
  });
}

/**
 * Confirms fresh items whose result did not change, in one statement per table (chunks of 500): synced now,
 * no longer stale — only where their measure and data source are still those the result was computed for.
 */
export async function confirmItems(db: Db, items: readonly ComputedFor[], now: Date): Promise<void> {
  for (const kind of MEASURED_KINDS) {
    const ofKind = items.filter((item) => item.kind === kind);
    for (let i = 0; i < ofKind.length; i += 500) {
      await db
        .update(measuredTable(kind))
        .set({ syncedAt: now, staleCode: null, staleMessage: null, staleSince: null })
        .where(sql.join(ofKind.slice(i, i + 500).map(sameConfig), sql` or `));
    }
  }
}

/** Marks items stale with the failure, keeping their last good values and the time they first went stale. */
export async function markItemsStale(
  db: Db,
  items: readonly MeasuredItemRef[],
  failure: { code: string; message: string },
  now: Date,
): Promise<void> {
  for (const kind of MEASURED_KINDS) {
    const ids = items.filter((item) => item.kind === kind).map((item) => item.id);
    if (ids.length === 0) continue;
    const table = measuredTable(kind);
    await db
      .update(table)
      .set({
        staleCode: failure.code,
        staleMessage: failure.message,
        staleSince: sql`coalesce(${table.staleSince}, ${now})`,
      })
      .where(inArray(table.id, ids));
  }
}

/**
 * Makes a manual value the item's state (synced now, never stale) and records it as a check-in by `authorId`;
 * returns the check-in.
 */
export async function saveManualValue(
  tx: Tx,
  item: MeasuredItemRef & { orgId: string },
  entry: { value: number; progress: number; authorId: string; note: string; now: Date },
): Promise<typeof checkIns.$inferSelect> {
  await tx
    .update(measuredTable(item.kind))
    .set({ ...EMPTY_STATE, value: entry.value, progress: entry.progress, syncedAt: entry.now })
    .where(eq(measuredTable(item.kind).id, item.id));
  const [row] = await tx
    .insert(checkIns)
    .values({
      id: randomUUID(),
      orgId: item.orgId,
      ...subjectOf(item),
      source: "manual",
      authorId: entry.authorId,
      value: entry.value,
      progress: entry.progress,
      note: entry.note,
      createdAt: entry.now,
    })
    .returning();
  if (!row) throw new Error("check-in insert returned nothing");
  return row;
}

/** The columns an edit of a measured item writes: what it shares across kinds, and its state after the edit. */
export interface MeasuredEdit {
  title?: string | undefined;
  ownerId?: string | null | undefined;
  weight?: number | undefined;
  measure: Measure | null;
  dataSource: StoredDataSource | null;
  state: EditedState;
  updatedAt: Date;
}

/** Writes an edit of the item's shared columns, measure, data source (and its connection) and state. */
export async function writeMeasuredEdit(tx: Tx, item: MeasuredItemRef, edit: MeasuredEdit): Promise<void> {
  const table = measuredTable(item.kind);
  await tx
    .update(table)
    .set({
      ...(edit.title !== undefined ? { title: edit.title } : {}),
      ...(edit.ownerId !== undefined ? { ownerId: edit.ownerId } : {}),
      ...(edit.weight !== undefined ? { weight: edit.weight } : {}),
      measure: edit.measure,
      dataSource: edit.dataSource,
      connectionId: edit.dataSource?.connectionId ?? null,
      ...edit.state,
      updatedAt: edit.updatedAt,
    })
    .where(eq(table.id, item.id));
}

/** A new item: what every kind has, and where it goes (its objective, or its period and parent). */
export type NewMeasuredItem = {
  id: string;
  orgId: string;
  title: string;
  ownerId: string | null;
  weight: number;
  createdBy: string;
  createdAt: Date;
  measure: Measure | null;
  dataSource: StoredDataSource | null;
} & (
  | { kind: "key_result"; objectiveId: string }
  | { kind: "objective"; periodId: string; parentId: string | null; description: string }
);

/** Inserts a new item with an empty state (nothing known until a check-in or a sync). */
export async function insertMeasuredItem(tx: Tx, item: NewMeasuredItem): Promise<void> {
  const connectionId = item.dataSource?.connectionId ?? null;
  if (item.kind === "key_result") {
    const { kind: _, ...values } = item;
    await tx.insert(keyResults).values({ ...values, updatedAt: item.createdAt, connectionId });
  } else {
    const { kind: _, ...values } = item;
    await tx.insert(objectives).values({ ...values, updatedAt: item.createdAt, connectionId });
  }
}

/** Deletes the item; the database cascades to its check-ins (and an objective's key results). */
export async function deleteMeasuredRow(db: Db | Tx, item: MeasuredItemRef): Promise<void> {
  const table = measuredTable(item.kind);
  await db.delete(table).where(eq(table.id, item.id));
}
