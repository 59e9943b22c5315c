import { type MeasuredItemEdit, updateMeasuredItem } from "../measured/update-measured-item.ts";
import { getObjective } from "./get-objective.ts";
import { updateObjectiveDetails } from "./okr.repo.ts";
import type { OkrDeps } from "./okr-deps.ts";
import { checkParent, requirePeriodOf } from "./okr-references.ts";
import type { ObjectiveView } from "./okr-views.ts";

/** Input of {@link updateObjective}: absent fields are left as they are; `null` clears. */
export interface UpdateObjectiveInput extends MeasuredItemEdit {
  description?: string | undefined;
  periodId?: string | undefined;
  parentId?: string | null | undefined;
}

/**
 * Edits an objective (its owner, creator or an admin): {@link updateMeasuredItem}, and in the same
 * transaction its description, period (of its org) and parent (of its org, never making a cycle); returns its
 * new view.
 */
export async function updateObjective(deps: OkrDeps, input: UpdateObjectiveInput): Promise<ObjectiveView> {
  const { description, periodId, parentId, ...edit } = input;
  await updateMeasuredItem(deps, "objective", edit, async (tx, objective) => {
    if (periodId !== undefined) await requirePeriodOf(tx, objective.orgId, periodId);
    if (parentId !== undefined) await checkParent(tx, objective.orgId, objective.id, parentId);
    await updateObjectiveDetails(tx, objective.id, { description, periodId, parentId });
  });
  return getObjective(deps.db, { id: input.id, userId: input.userId, now: deps.now() });
}
