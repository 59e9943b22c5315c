import { type AlignmentNode, rollupAlignment } from "@goalpost/domain";
import { and, asc, eq, inArray, isNotNull, notInArray, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { keyResults, objectives } from "../db/schema/index.ts";

/** Just enough of an objective to roll it up through the alignment tree, read without loading it whole. */
export interface AlignmentRow {
  id: string;
  title: string;
  periodId: string;
  createdAt: Date;
  ownerId: string | null;
  parentId: string | null;
  weight: number;
  /** Its own progress when it has a data source (`hasSource`). */
  hasSource: boolean;
  progress: number | null;
  /** Σ progress × weight and Σ weight of its key results with data and weight > 0 (null when none). */
  krWeighted: number | null;
  krWeight: number | null;
}

/**
 * Alignment rows matching `where`, oldest first. The key results' part of the rollup is computed by the
 * database — the same rule as `rollupObjective` (key results without data or with weight 0 left out) — so a
 * period's key results are never all sent over; `objective-heads.int.test.ts` keeps the two in step.
 */
export async function listAlignmentRows(db: Db | Tx, where: SQL | undefined): Promise<AlignmentRow[]> {
  // Correlated per objective (an index lookup each), so the plan never depends on table statistics.
  const counted = sql`${keyResults.objectiveId} = ${objectives.id} and ${keyResults.progress} is not null and ${keyResults.weight} > 0`;
  const rows = await db
    .select({
      id: objectives.id,
      title: objectives.title,
      periodId: objectives.periodId,
      createdAt: objectives.createdAt,
      ownerId: objectives.ownerId,
      parentId: objectives.parentId,
      weight: objectives.weight,
      hasSource: isNotNull(objectives.dataSource).mapWith(Boolean),
      progress: objectives.progress,
      krWeighted: sql<
        number | null
      >`(select sum(${keyResults.progress} * ${keyResults.weight}) from ${keyResults} where ${counted})`,
      krWeight: sql<number | null>`(select sum(${keyResults.weight}) from ${keyResults} where ${counted})`,
    })
    .from(objectives)
    .where(where)
    .orderBy(asc(objectives.createdAt), asc(objectives.id));
  return rows.map((row) => ({
    ...row,
    krWeighted: row.krWeighted === null ? null : Number(row.krWeighted),
    krWeight: row.krWeight === null ? null : Number(row.krWeight),
  }));
}

/** `rows` and every objective aligned below them (in any period), read level by level. */
export async function withDescendants(db: Db | Tx, rows: readonly AlignmentRow[]): Promise<AlignmentRow[]> {
  const all = [...rows];
  const seen = new Set(rows.map((row) => row.id));
  let frontier = [...seen];
  while (frontier.length > 0) {
    const next = await listAlignmentRows(
      db,
      and(inArray(objectives.parentId, frontier), notInArray(objectives.id, [...seen])),
    );
    const fresh = next.filter((row) => !seen.has(row.id));
    for (const row of fresh) seen.add(row.id);
    all.push(...fresh);
    frontier = fresh.map((row) => row.id);
  }
  return all;
}

/** The node the domain rollup sees for an alignment row. */
export function alignmentNode(row: AlignmentRow): AlignmentNode {
  return {
    id: row.id,
    parentId: row.parentId,
    weight: row.weight,
    own: row.hasSource ? { progress: row.progress } : undefined,
    keyResults:
      row.krWeighted !== null && row.krWeight !== null && row.krWeight > 0
        ? [{ progress: row.krWeighted / row.krWeight, weight: row.krWeight }]
        : [],
  };
}

/** Every objective's progress in `rows` and below, rolled up through the alignment tree. */
export async function alignedProgressOf(
  db: Db | Tx,
  rows: readonly AlignmentRow[],
): Promise<Map<string, number | null>> {
  return rollupAlignment((await withDescendants(db, rows)).map(alignmentNode));
}

/**
 * For each of `parentIds`, the objectives aligned to it with their weight and rolled-up progress — what they
 * add to its own rollup.
 */
export async function alignedChildrenOf(
  db: Db | Tx,
  parentIds: readonly string[],
): Promise<Map<string, { id: string; weight: number; progress: number | null }[]>> {
  const byParent = new Map<string, { id: string; weight: number; progress: number | null }[]>();
  if (parentIds.length === 0) return byParent;
  const children = await listAlignmentRows(db, inArray(objectives.parentId, [...parentIds]));
  const progress = await alignedProgressOf(db, children);
  for (const child of children) {
    if (child.parentId === null || child.parentId === child.id) continue;
    const list = byParent.get(child.parentId) ?? [];
    list.push({ id: child.id, weight: child.weight, progress: progress.get(child.id) ?? null });
    byParent.set(child.parentId, list);
  }
  return byParent;
}

/** The objectives of a period, for the alignment rollup. */
export function inPeriod(period: { id: string; orgId: string }): SQL | undefined {
  // Both columns, so `objectives_org_period_idx` (org, period, created, id) serves the filter and the order.
  return and(eq(objectives.orgId, period.orgId), eq(objectives.periodId, period.id));
}
