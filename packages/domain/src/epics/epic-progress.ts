import { isDone, orZero } from "../metrics/metric-issue.ts";

/** A child issue of an epic (by `parent` or `Epic Link`). */
export interface EpicChild {
  /** `status.statusCategory.key`: `new`, `indeterminate` or `done`. */
  readonly statusCategoryKey: string;
  /** Resolved story points (see `resolveStoryPoints`), `null` or absent when unestimated. */
  readonly storyPoints?: number | null;
}

/** Done / all of one measure, with the ratio in percent (`null` when `total` is 0). */
export interface DoneOfTotal {
  readonly done: number;
  readonly total: number;
  readonly progress: number | null;
}

export interface EpicProgress {
  /** Done children / all children. */
  readonly byCount: DoneOfTotal;
  /** Done story points / all story points; `null` when no child has story points. */
  readonly byStoryPoints: DoneOfTotal | null;
}

function ratio(done: number, total: number): DoneOfTotal {
  return { done, total, progress: total === 0 ? null : (done / total) * 100 };
}

/**
 * An epic's progress in a portfolio: by count, and by story points where any child has them
 * (unestimated children then count 0 points).
 * @example
 * computeEpicProgress([{ statusCategoryKey: "done", storyPoints: 3 }, { statusCategoryKey: "new", storyPoints: 1 }])
 * // { byCount: { done: 1, total: 2, progress: 50 }, byStoryPoints: { done: 3, total: 4, progress: 75 } }
 */
export function computeEpicProgress(children: readonly EpicChild[]): EpicProgress {
  const doneChildren = children.filter(isDone);
  const byCount = ratio(doneChildren.length, children.length);
  const estimated = children.some((child) => typeof child.storyPoints === "number");
  if (!estimated) return { byCount, byStoryPoints: null };
  const points = (list: readonly EpicChild[]) =>
    list.reduce((sum, child) => sum + orZero(child.storyPoints), 0);
  return { byCount, byStoryPoints: ratio(points(doneChildren), points(children)) };
}
