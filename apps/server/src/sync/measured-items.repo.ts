import { randomUUID } from "node:crypto";
import type { Measure, MetricResult } from "@goalpost/domain";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { checkIns, keyResults, objectives, type StoredDataSource } from "../db/schema/index.ts";
import type { MeasuredKind } from "./measured-item.ts";
import type { SyncFailure } from "./sync-outcome.ts";

/** A Jira-linked item as the sync engine sees it, with the result it holds now. */
export interface LinkedItem {
  kind: MeasuredKind;
  id: string;
  orgId: string;
  measure: Measure;
  dataSource: StoredDataSource;
  current: {
    value: number | null;
    progress: number | null;
    noDataReason: string | null;
    issueCount: number | null;
    doneCount: number | null;
    staleCode: string | null;
    syncedAt: Date | null;
  };
}

/** What a sync computed for one item: the metric's result and the sizes of `S` and `D`. */
export interface ItemResult extends MetricResult {
  issueCount: number;
  doneCount: number;
}

/** The table a measured item of `kind` lives in. */
export const tableOf = (kind: MeasuredKind) => (kind === "key_result" ? keyResults : objectives);

/**
 * The key results and objectives that read Jira through `connectionId` (only those with query `jql` when
 * given). Objectives without a measure of their own are not Jira-linked.
 */
export async function listLinkedItems(
  db: Db,
  connectionId: string,
  jqls?: readonly string[],
): Promise<LinkedItem[]> {
  if (jqls !== undefined && jqls.length === 0) return [];
  const items: LinkedItem[] = [];
  for (const kind of ["key_result", "objective"] as const) {
    const table = tableOf(kind);
    const rows = await db
      .select({
        id: table.id,
        orgId: table.orgId,
        measure: table.measure,
        dataSource: table.dataSource,
        value: table.value,
        progress: table.progress,
        noDataReason: table.noDataReason,
        issueCount: table.issueCount,
        doneCount: table.doneCount,
        staleCode: table.staleCode,
        syncedAt: table.syncedAt,
      })
      .from(table)
      .where(
        and(
          eq(table.connectionId, connectionId),
          isNotNull(table.dataSource),
          isNotNull(table.measure),
          jqls === undefined ? undefined : inArray(sql`${table.dataSource}->>'jql'`, [...jqls]),
        ),
      );
    for (const { id, orgId, measure, dataSource, ...current } of rows) {
      if (measure && dataSource) items.push({ kind, id, orgId, measure, dataSource, current });
    }
  }
  return items;
}

/**
 * Stores a fresh result on the item — only if its measure and data source are still those the result was
 * computed for (an edit during the sync wins). When the numbers changed, a check-in by "Jira" records them;
 * the change is detected by the update itself, so two concurrent syncs never write the same check-in twice.
 */
export async function saveItemResult(db: Db, item: LinkedItem, result: ItemResult, now: Date): Promise<void> {
  const table = tableOf(item.kind);
  const unchangedConfig = and(
    eq(table.id, item.id),
    sql`${table.measure} = ${JSON.stringify(item.measure)}::jsonb`,
    sql`${table.dataSource} = ${JSON.stringify(item.dataSource)}::jsonb`,
  );
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
          unchangedConfig,
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
        ...(item.kind === "key_result" ? { keyResultId: item.id } : { objectiveId: item.id }),
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
      .where(unchangedConfig);
  });
}

/** Whether `result` is what the item already holds (nothing to write but the sync time). */
export function isSameResult(item: LinkedItem, result: ItemResult): boolean {
  const { current } = item;
  return (
    current.value === result.value &&
    current.progress === result.progress &&
    current.noDataReason === (result.reason ?? null) &&
    current.issueCount === result.issueCount &&
    current.doneCount === result.doneCount
  );
}

/**
 * Confirms fresh items whose result did not change, in one statement per table: synced now, no longer
 * stale — only where their measure and data source are still those the result was computed for.
 */
export async function confirmItems(db: Db, items: readonly LinkedItem[], now: Date): Promise<void> {
  for (const kind of ["key_result", "objective"] as const) {
    const table = tableOf(kind);
    const ofKind = items.filter((item) => item.kind === kind);
    for (let i = 0; i < ofKind.length; i += 500) {
      const chunk = ofKind.slice(i, i + 500);
      const unchanged = sql.join(
        chunk.map(
          (item) =>
            sql`(${table.id} = ${item.id} and ${table.measure} = ${JSON.stringify(item.measure)}::jsonb and ${table.dataSource} = ${JSON.stringify(item.dataSource)}::jsonb)`,
        ),
        sql` or `,
      );
      await db
        .update(table)
        .set({ syncedAt: now, staleCode: null, staleMessage: null, staleSince: null })
        .where(unchanged);
    }
  }
}

/** Marks items stale with the failure, keeping their last good values and the time they first went stale. */
export async function markItemsStale(
  db: Db,
  items: readonly Pick<LinkedItem, "kind" | "id">[],
  failure: Pick<SyncFailure, "code" | "message">,
  now: Date,
): Promise<void> {
  for (const kind of ["key_result", "objective"] as const) {
    const ids = items.filter((item) => item.kind === kind).map((item) => item.id);
    if (ids.length === 0) continue;
    const table = tableOf(kind);
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
