import type { DoneOfTotal } from "../epics/epic-progress.ts";

/** The progress an initiative shows, from its linked epics' cached progress. */
export interface InitiativeProgress {
  /** Done children / all children across every epic. */
  readonly byCount: DoneOfTotal;
  /** Done story points / all story points across the epics that have story points; null when none has. */
  readonly byStoryPoints: DoneOfTotal | null;
}

/** One epic's contribution: its done/total children and story points (null when unestimated). */
export interface EpicTally {
  readonly byCount: { readonly done: number; readonly total: number };
  readonly byStoryPoints: { readonly done: number; readonly total: number } | null;
}

function ratio(done: number, total: number): DoneOfTotal {
  return { done, total, progress: total === 0 ? null : (done / total) * 100 };
}

/**
 * Rolls an initiative up from its epics: the children of every epic are pooled, so a large epic weighs more
 * than a small one (as if the initiative were one big epic). No epics or no children → progress null.
 * @example rollupInitiative([{ byCount: { done: 3, total: 10 }, byStoryPoints: null }, { byCount: { done: 1, total: 1 }, byStoryPoints: null }])
 * // { byCount: { done: 4, total: 11, progress: 36.36… }, byStoryPoints: null }
 */
export function rollupInitiative(epics: readonly EpicTally[]): InitiativeProgress {
  const sum = (pick: (epic: EpicTally) => { done: number; total: number } | null) => {
    const picked = epics.map(pick).filter((value) => value !== null);
    if (picked.length === 0) return null;
    return ratio(
      picked.reduce((acc, value) => acc + value.done, 0),
      picked.reduce((acc, value) => acc + value.total, 0),
    );
  };
  return {
    byCount: sum((epic) => epic.byCount) ?? ratio(0, 0),
    byStoryPoints: sum((epic) => epic.byStoryPoints),
  };
}
