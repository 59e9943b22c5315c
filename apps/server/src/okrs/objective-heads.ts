import type { ProgressStatus } from "@goalpost/domain";
import { inArray } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { objectives } from "../db/schema/index.ts";
import { alignedProgressOf, inPeriod, listAlignmentRows } from "./alignment.repo.ts";
import { statusOf } from "./item-state.ts";
import type { ObjectiveRow, PeriodRow } from "./okr.repo.ts";

/** Just enough of an objective to order, filter and count it by status without loading it whole. */
export interface ObjectiveHead {
  id: string;
  createdAt: Date;
  ownerId: string | null;
  /** Its own progress when it has a data source, else the weighted rollup of its key results and aligned objectives. */
  progress: number | null;
}

/**
 * The heads of a period's objectives, oldest first, each with its progress rolled up through the alignment
 * tree (key results and aligned objectives, see `rollupAlignment`); the key results' part is summed by the
 * database (`listAlignmentRows`).
 */
export async function listObjectiveHeads(
  db: Db,
  period: Pick<PeriodRow, "id" | "orgId">,
): Promise<ObjectiveHead[]> {
  const rows = await listAlignmentRows(db, inPeriod(period));
  const progress = await alignedProgressOf(db, rows);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    ownerId: row.ownerId,
    progress: progress.get(row.id) ?? null,
  }));
}

/** Each objective's status now, from its head's progress (the same rule as the full objective view). */
export function statusesOf(
  heads: readonly ObjectiveHead[],
  context: { period: PeriodRow; now: Date },
): Map<string, ProgressStatus> {
  return new Map(heads.map((head) => [head.id, statusOf(head.progress, context).status]));
}

/** Objectives by id, in the order of `ids`. */
export async function findObjectivesInOrder(db: Db, ids: readonly string[]): Promise<ObjectiveRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(objectives)
    .where(inArray(objectives.id, [...ids]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
