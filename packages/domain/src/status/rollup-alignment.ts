import { rollupObjective, type WeightedProgress } from "./rollup-objective.ts";

/** An objective as the alignment rollup sees it. */
export interface AlignmentNode {
  readonly id: string;
  /** The objective it is aligned to (its parent), if any. */
  readonly parentId: string | null;
  /** Its share in its parent's progress, ≥ 0. */
  readonly weight: number;
  /** Its own progress when it has a data source of its own: then that rules, and its children do not count. */
  readonly own?: { readonly progress: number | null } | undefined;
  /** Its key results. */
  readonly keyResults: readonly WeightedProgress[];
}

/**
 * Every objective's progress through the alignment tree: an objective with a data source of its own has its
 * own progress; any other is the weighted mean of its key results and of the objectives aligned to it (each
 * by its weight, with its own progress computed the same way, through any depth). Items without data are left
 * out, as in {@link rollupObjective}. A cycle (refused when saving, but never trusted) adds nothing: an
 * objective met again while its own progress is being computed counts as having no data. Children whose
 * parent is not among `nodes` are simply roots.
 * @example
 * rollupAlignment([
 *   { id: "a", parentId: null, weight: 1, keyResults: [] },
 *   { id: "b", parentId: "a", weight: 3, keyResults: [{ progress: 50 }] },
 * ]) // Map { "a" → 50, "b" → 50 }
 */
export function rollupAlignment(nodes: readonly AlignmentNode[]): Map<string, number | null> {
  const children = new Map<string, AlignmentNode[]>();
  for (const node of nodes) {
    if (node.parentId === null || node.parentId === node.id) continue;
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
  }
  const done = new Map<string, number | null>();
  const inProgress = new Set<string>();
  const progressOf = (node: AlignmentNode): number | null => {
    const known = done.get(node.id);
    if (known !== undefined || done.has(node.id)) return known ?? null;
    if (inProgress.has(node.id)) return null;
    inProgress.add(node.id);
    const progress = node.own
      ? node.own.progress
      : rollupObjective([
          ...node.keyResults,
          ...(children.get(node.id) ?? []).map((child) => ({
            progress: progressOf(child),
            weight: child.weight,
          })),
        ]);
    inProgress.delete(node.id);
    done.set(node.id, progress);
    return progress;
  };
  for (const node of nodes) progressOf(node);
  return done;
}
