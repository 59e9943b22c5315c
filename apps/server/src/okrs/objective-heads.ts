import type { ProgressStatus } from "@goalpost/domain";
import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/database.ts";
import { objectives } from "../db/schema/index.ts";
import {
  type AlignedChild,
  alignedChildrenIn,
  alignedProgressOf,
  inPeriod,
  isInPeriod,
  listAlignmentTree,
} from "./alignment.repo.ts";
import { statusOf } from "./item-state.ts";
import type { ObjectiveRow, PeriodRow } from "./okr.repo.ts";

/** Just enough of an objective to order, filter and count it by status without loading it whole. */
export interface ObjectiveHead {
  id: string;
  createdAt: Date;
  ownerId: string | null;
  /** Its own progress when it has a data source, else the weighted rollup of its key results and aligned objectives. */
  progress: number | null;
  /** The objectives aligned to it (in any period) with their rolled-up progress: its view's rollup needs them. */
  aligned: AlignedChild[];
}

/**
 * The heads of a period's objectives, oldest first, each with its progress rolled up through the alignment
 * tree (key results and aligned objectives at any depth, in any period; see `rollupAlignment`) in one query:
 * the tree is walked by a recursive query and the key results' part summed by the database, so a period's
 * key results are never all sent over; `objective-heads.int.test.ts` keeps the sums in step with
 * `rollupObjective`.
 */
export async function listObjectiveHeads(
  db: Db,
  period: Pick<PeriodRow, "id" | "orgId">,
): Promise<ObjectiveHead[]> {
  const rows = await listAlignmentTree(db, inPeriod(period));
  const own = rows.filter((row) => isInPeriod(row, period));
  const progress = alignedProgressOf(rows);
  const aligned = alignedChildrenIn(
    rows,
    own.map((row) => row.id),
    progress,
  );
  return own.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    ownerId: row.ownerId,
    progress: progress.get(row.id) ?? null,
    aligned: aligned.get(row.id) ?? [],
  }));
}

/** Each objective's status now, from its head's progress (the same rule as the full objective view). */
export function statusesOf(
  heads: readonly ObjectiveHead[],
  context: { period: PeriodRow; now: Date },
): Map<string, ProgressStatus> {
  return new Map(heads.map((head) => [head.id, statusOf(head.progress, context).status]));
}

const parents = alias(objectives, "parent");

/** Objectives by id, in the order of `ids`, each with the title of the objective it aligns to. */
export async function findObjectivesInOrder(
  db: Db,
  ids: readonly string[],
): Promise<(ObjectiveRow & { parentTitle: string | null })[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ objective: objectives, parentTitle: parents.title })
    .from(objectives)
    .leftJoin(parents, eq(parents.id, objectives.parentId))
    .where(inArray(objectives.id, [...ids]));
  const byId = new Map(
    rows.map((row) => [row.objective.id, { ...row.objective, parentTitle: row.parentTitle }]),
  );
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
