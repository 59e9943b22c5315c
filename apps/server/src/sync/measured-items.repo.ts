import type { Measure } from "@goalpost/domain";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import type { StoredDataSource } from "../db/schema/index.ts";
import { type ItemResult, measuredTable } from "../measured/measured-item.repo.ts";
import { MEASURED_KINDS, type MeasuredKind } from "../measured/measured-kind.ts";

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
  for (const kind of MEASURED_KINDS) {
    const table = measuredTable(kind);
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
