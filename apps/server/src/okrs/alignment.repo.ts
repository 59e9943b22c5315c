import { type AlignmentNode, rollupAlignment } from "@goalpost/domain";
import { asc, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { keyResults, objectives } from "../db/schema/index.ts";

/** What the alignment rollup needs of an objective: read with the key results' part summed by the database. */
export interface AlignmentNodeRow {
  id: string;
  parentId: string | null;
  weight: number;
  /** Its own progress when it has a data source (`hasSource`). */
  hasSource: boolean;
  progress: number | null;
  /** Σ progress × weight and Σ weight of its key results with data and weight > 0 (null when none). */
  krWeighted: number | null;
  krWeight: number | null;
}

/** Just enough of an objective to roll it up through the alignment tree and list it, without loading it whole. */
export interface AlignmentRow extends AlignmentNodeRow {
  title: string;
  orgId: string;
  periodId: string;
  createdAt: Date;
  ownerId: string | null;
}

/** An objective aligned to another, as its parent's rollup sees it. */
export interface AlignedChild {
  id: string;
  weight: number;
  progress: number | null;
}

/**
 * The ids of the objectives matching `roots` (a condition on `o`) and of every objective aligned below them,
 * in any period of the same org, through any depth — but not below an objective with a data source of its
 * own, whose progress is its own. `excluded` are never descended into (the objective whose children these
 * are). UNION drops a row already seen, so a cycle (refused when saving, never trusted) ends the walk.
 */
export function alignmentTreeIds(roots: SQL, excluded: readonly string[] = []): SQL {
  const notExcluded =
    excluded.length === 0
      ? sql``
      : sql` and c.id not in (${sql.join(
          excluded.map((id) => sql`${id}`),
          sql`, `,
        )})`;
  return sql`(with recursive tree(id, org_id, has_source) as (
      select o.id, o.org_id, o.data_source is not null from objectives o where ${roots}
      union
      select c.id, c.org_id, c.data_source is not null
      from tree t join objectives c on c.parent_id = t.id and c.org_id = t.org_id
      where not t.has_source${notExcluded}
    ) select tree.id from tree)`;
}

// Correlated per objective (an index lookup each), so the plan never depends on table statistics.
const counted = sql`${keyResults.objectiveId} = ${objectives.id} and ${keyResults.progress} is not null and ${keyResults.weight} > 0`;

/**
 * Alignment rows matching `where`, oldest first. The key results' part of the rollup is computed by the
 * database — the same rule as `rollupObjective` (key results without data or with weight 0 left out) — so a
 * period's key results are never all sent over; `objective-heads.int.test.ts` keeps the two in step.
 */
export async function listAlignmentRows(db: Db | Tx, where: SQL | undefined): Promise<AlignmentRow[]> {
  const rows = await db
    .select({
      id: objectives.id,
      title: objectives.title,
      orgId: objectives.orgId,
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

/** The objectives matching `roots` (a condition on `o`) and every objective aligned below them: one query. */
export async function listAlignmentTree(db: Db | Tx, roots: SQL): Promise<AlignmentRow[]> {
  return listAlignmentRows(db, sql`${objectives.id} in ${alignmentTreeIds(roots)}`);
}

/** One objective of {@link alignedBelowJson}: [id, parent id, weight, has source, progress, Σ kr progress × weight, Σ kr weight]. */
type AlignedJsonRow = [string, string | null, number, boolean, number | null, number | null, number | null];

/**
 * A JSON column (for a query over one objective, `id`) holding every objective aligned below it through any
 * depth with what its rollup needs (see {@link alignmentTreeIds}), oldest first; read it with
 * {@link alignedBelowOf}. Lets the objective's own query carry its aligned children's rolled-up progress.
 */
export function alignedBelowJson(id: string): SQL<AlignedJsonRow[] | null> {
  const ids = alignmentTreeIds(sql`o.parent_id = ${id} and o.id <> ${id}`, [id]);
  return sql<AlignedJsonRow[] | null>`(select json_agg(json_build_array(
      a.id, a.parent_id, a.weight, a.data_source is not null, a.progress,
      (select sum(k.progress * k.weight) from key_results k where k.objective_id = a.id and k.progress is not null and k.weight > 0),
      (select sum(k.weight) from key_results k where k.objective_id = a.id and k.progress is not null and k.weight > 0)
    ) order by a.created_at, a.id)
    from objectives a where a.id in ${ids})`;
}

/** The rows of an {@link alignedBelowJson} column. */
export function alignedBelowOf(json: AlignedJsonRow[] | null): AlignmentNodeRow[] {
  return (json ?? []).map(([id, parentId, weight, hasSource, progress, krWeighted, krWeight]) => ({
    id,
    parentId,
    weight: Number(weight),
    hasSource,
    progress: progress === null ? null : Number(progress),
    krWeighted: krWeighted === null ? null : Number(krWeighted),
    krWeight: krWeight === null ? null : Number(krWeight),
  }));
}

/** The node the domain rollup sees for an alignment row. */
export function alignmentNode(row: AlignmentNodeRow): AlignmentNode {
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

/** Every objective's progress in `rows` (an objective and what is aligned below it), rolled up through the tree. */
export function alignedProgressOf(rows: readonly AlignmentNodeRow[]): Map<string, number | null> {
  return rollupAlignment(rows.map(alignmentNode));
}

/**
 * For each of `parentIds`, the objectives in `rows` aligned to it, oldest first, with their weight and
 * rolled-up progress (computed over `rows`, which hold what is aligned below them) — what they add to its
 * own rollup.
 */
export function alignedChildrenIn(
  rows: readonly AlignmentNodeRow[],
  parentIds: readonly string[],
  progress: ReadonlyMap<string, number | null> = alignedProgressOf(rows),
): Map<string, AlignedChild[]> {
  const parents = new Set(parentIds);
  const byParent = new Map<string, AlignedChild[]>();
  for (const row of rows) {
    if (row.parentId === null || row.parentId === row.id || !parents.has(row.parentId)) continue;
    const list = byParent.get(row.parentId) ?? [];
    list.push({ id: row.id, weight: row.weight, progress: progress.get(row.id) ?? null });
    byParent.set(row.parentId, list);
  }
  return byParent;
}

/** For each of `parentIds`, the objectives aligned to it with their rolled-up progress (one query). */
export async function alignedChildrenOf(
  db: Db | Tx,
  parentIds: readonly string[],
): Promise<Map<string, AlignedChild[]>> {
  if (parentIds.length === 0) return new Map();
  const roots = sql`o.parent_id in (${sql.join(
    parentIds.map((id) => sql`${id}`),
    sql`, `,
  )})`;
  const rows = await listAlignmentRows(db, sql`${objectives.id} in ${alignmentTreeIds(roots, parentIds)}`);
  return alignedChildrenIn(rows, parentIds);
}

/** The objectives of a period (a condition on `o` for {@link listAlignmentTree}). */
export function inPeriod(period: { id: string; orgId: string }): SQL {
  // Both columns, so `objectives_org_period_idx` (org, period, created, id) serves the filter.
  return sql`o.org_id = ${period.orgId} and o.period_id = ${period.id}`;
}

/** Whether an alignment row is one of `period`'s own objectives (not one aligned below them from elsewhere). */
export function isInPeriod(
  row: Pick<AlignmentRow, "orgId" | "periodId">,
  period: { id: string; orgId: string },
) {
  return row.orgId === period.orgId && row.periodId === period.id;
}
