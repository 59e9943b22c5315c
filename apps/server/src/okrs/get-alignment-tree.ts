import { DomainError, type ProgressStatus } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import {
  type AlignmentRow,
  alignedProgressOf,
  inPeriod,
  isInPeriod,
  listAlignmentTree,
} from "./alignment.repo.ts";
import { statusOf } from "./item-state.ts";
import { findPeriod } from "./okr.repo.ts";
import { requireOkrViewer } from "./okr-access.ts";

/** One objective in a period's alignment tree. */
export interface AlignmentTreeNode {
  id: string;
  title: string;
  ownerId: string | null;
  /** Its parent, when that is in the same period (else it is a root here). */
  parentId: string | null;
  /** Its share in its parent's progress. */
  weight: number;
  /** 0 for a root, 1 for an objective aligned to a root, … */
  depth: number;
  /** Rolled up through the tree (its own data source's, else its key results' and aligned objectives'). */
  progress: number | null;
  expected: number;
  status: ProgressStatus;
  /** The objectives of the period aligned to it. */
  childIds: string[];
}

/**
 * A period's objectives as their alignment tree (any member): depth-first, each parent followed by the
 * objectives aligned to it, oldest first among siblings; progress and status rolled up through any depth
 * (aligned objectives in other periods count towards their parent too, but are not listed).
 */
export async function getAlignmentTree(
  db: Db,
  input: { orgId: string; periodId: string; userId: string; now: Date },
): Promise<{ items: AlignmentTreeNode[] }> {
  await requireOkrViewer(db, input.orgId, input.userId);
  const period = await findPeriod(db, input.periodId);
  if (!period || period.orgId !== input.orgId) throw new DomainError("not_found", "Period not found.");
  const tree = await listAlignmentTree(db, inPeriod(period));
  const progress = alignedProgressOf(tree);
  const rows = tree.filter((row) => isInPeriod(row, period));
  const ids = new Set(rows.map((row) => row.id));
  const parentOf = (row: AlignmentRow) =>
    row.parentId !== null && row.parentId !== row.id && ids.has(row.parentId) ? row.parentId : null;
  const children = new Map<string, AlignmentRow[]>();
  for (const row of rows) {
    const parentId = parentOf(row);
    if (parentId !== null) children.set(parentId, [...(children.get(parentId) ?? []), row]);
  }
  const items: AlignmentTreeNode[] = [];
  const placed = new Set<string>();
  const visit = (row: AlignmentRow, depth: number) => {
    if (placed.has(row.id)) return;
    placed.add(row.id);
    const value = progress.get(row.id) ?? null;
    items.push({
      id: row.id,
      title: row.title,
      ownerId: row.ownerId,
      parentId: parentOf(row),
      weight: row.weight,
      depth,
      progress: value,
      ...statusOf(value, { period, now: input.now }),
      childIds: (children.get(row.id) ?? []).map((child) => child.id),
    });
    for (const child of children.get(row.id) ?? []) visit(child, depth + 1);
  };
  for (const row of rows) if (parentOf(row) === null) visit(row, 0);
  // Objectives in a cycle (refused when saving, never trusted) have no root: list them anyway.
  for (const row of rows) visit(row, 0);
  return { items };
}
