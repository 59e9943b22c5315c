import type { ProgressStatus } from "@goalpost/domain";
import type { Objective } from "../api/okr-types";

/** How many items have each status. */
export type StatusCounts = Record<ProgressStatus, number>;

function emptyCounts(): StatusCounts {
  return { not_started: 0, on_track: 0, behind: 0, at_risk: 0, achieved: 0 };
}

/** Counts the statuses of the objectives and, separately, of their key results. */
export function summariseStatuses(objectives: readonly Objective[]): {
  objectives: StatusCounts;
  keyResults: StatusCounts;
} {
  const result = { objectives: emptyCounts(), keyResults: emptyCounts() };
  for (const objective of objectives) {
    result.objectives[objective.state.status] += 1;
    for (const keyResult of objective.keyResults) result.keyResults[keyResult.state.status] += 1;
  }
  return result;
}

/** Filters of the OKR list; null means "any". */
export interface OkrFilters {
  ownerId: string | null;
  status: ProgressStatus | null;
}

/**
 * The objectives to show: an objective stays when it or one of its key results matches every filter;
 * then only its matching key results are kept, unless the objective itself matches (then all of them).
 */
export function filterObjectives(objectives: readonly Objective[], filters: OkrFilters): Objective[] {
  const matches = (item: { ownerId: string | null; state: { status: ProgressStatus } }) =>
    (filters.ownerId === null || item.ownerId === filters.ownerId) &&
    (filters.status === null || item.state.status === filters.status);
  const shown: Objective[] = [];
  for (const objective of objectives) {
    if (matches(objective)) {
      shown.push(objective);
      continue;
    }
    const keyResults = objective.keyResults.filter(matches);
    if (keyResults.length > 0) shown.push({ ...objective, keyResults });
  }
  return shown;
}
