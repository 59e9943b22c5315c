import type { ProgressStatus } from "@goalpost/domain";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/database.ts";
import { keyResults, objectives } from "../db/schema/index.ts";
import { statusOf } from "./item-state.ts";
import type { ObjectiveRow, PeriodRow } from "./okr.repo.ts";

/** Just enough of an objective to order, filter and count it by status without loading it whole. */
export interface ObjectiveHead {
  id: string;
  createdAt: Date;
  ownerId: string | null;
  /** Its own progress when it has a data source, else the weighted rollup of its key results. */
  progress: number | null;
}

/**
 * The heads of a period's objectives, oldest first. The rollup is computed by the database — the same rule
 * as `rollupObjective` (key results without data or with weight 0 left out; null when none is left) — so
 * a period's key results are never all sent over; `objective-heads.int.test.ts` keeps the two in step.
 */
export async function listObjectiveHeads(
  db: Db,
  period: Pick<PeriodRow, "id" | "orgId">,
): Promise<ObjectiveHead[]> {
  // Correlated per objective (an index lookup each), so the plan never depends on table statistics.
  const counted = sql`${keyResults.objectiveId} = ${objectives.id} and ${keyResults.progress} is not null and ${keyResults.weight} > 0`;
  const rows = await db
    .select({
      id: objectives.id,
      createdAt: objectives.createdAt,
      ownerId: objectives.ownerId,
      hasSource: isNotNull(objectives.dataSource).mapWith(Boolean),
      progress: objectives.progress,
      weighted: sql<
        number | null
      >`(select sum(${keyResults.progress} * ${keyResults.weight}) from ${keyResults} where ${counted})`,
      weight: sql<number | null>`(select sum(${keyResults.weight}) from ${keyResults} where ${counted})`,
    })
    .from(objectives)
    // Both columns, so `objectives_org_period_idx` (org, period, created, id) serves the filter and the order.
    .where(and(eq(objectives.orgId, period.orgId), eq(objectives.periodId, period.id)))
    .orderBy(asc(objectives.createdAt), asc(objectives.id));
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    ownerId: row.ownerId,
    progress: row.hasSource
      ? row.progress
      : row.weighted !== null && row.weight !== null && Number(row.weight) > 0
        ? Number(row.weighted) / Number(row.weight)
        : null,
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
