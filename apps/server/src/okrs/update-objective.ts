import type { Measure } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import { objectives, type StoredDataSource } from "../db/schema/index.ts";
import { getObjective } from "./get-objective.ts";
import { requestSyncOf, stateAfterEdit, validateMeasured } from "./measured-edit.ts";
import { objectiveMeasure } from "./objective-source.ts";
import { accessObjective, requireEditObjective } from "./okr-access.ts";
import type { OkrDeps } from "./okr-deps.ts";
import { checkOwner, checkParent, requirePeriodOf } from "./okr-references.ts";
import type { ObjectiveView } from "./okr-views.ts";
import { requireValidJql } from "./require-valid-jql.ts";

/** Input of {@link updateObjective}: absent fields are left as they are; `null` clears. */
export interface UpdateObjectiveInput {
  id: string;
  userId: string;
  title?: string | undefined;
  description?: string | undefined;
  periodId?: string | undefined;
  ownerId?: string | null | undefined;
  parentId?: string | null | undefined;
  weight?: number | undefined;
  measure?: Measure | null | undefined;
  dataSource?: StoredDataSource | null | undefined;
}

/**
 * Edits an objective (its owner, creator or an admin). A new or changed data source (or measure on one) empties
 * its state and requests a sync in the same transaction; removing the data source makes it roll up again.
 */
export async function updateObjective(deps: OkrDeps, input: UpdateObjectiveInput): Promise<ObjectiveView> {
  if (input.dataSource) {
    // Who may not edit is refused before Jira is asked anything.
    const { objective, viewer } = await accessObjective(deps.db, input.id, input.userId);
    requireEditObjective(viewer, objective);
    await requireValidJql(deps, {
      userId: input.userId,
      dataSource: input.dataSource,
      previous: objective.dataSource,
    });
  }
  await deps.db.transaction(async (tx) => {
    const { objective, viewer } = await accessObjective(tx, input.id, input.userId);
    requireEditObjective(viewer, objective);
    const orgId = objective.orgId;
    if (input.periodId !== undefined) await requirePeriodOf(tx, orgId, input.periodId);
    if (input.ownerId !== undefined) await checkOwner(tx, orgId, input.ownerId);
    if (input.parentId !== undefined) await checkParent(tx, orgId, objective.id, input.parentId);
    const dataSource = input.dataSource === undefined ? objective.dataSource : input.dataSource;
    const measure = objectiveMeasure(
      input.measure === undefined ? (dataSource ? objective.measure : null) : input.measure,
      dataSource,
    );
    if (measure)
      await validateMeasured(tx, {
        orgId,
        userId: input.userId,
        measure,
        dataSource,
        previous: objective.dataSource,
      });
    const state = stateAfterEdit(objective, { measure, dataSource });
    await tx
      .update(objectives)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.periodId !== undefined ? { periodId: input.periodId } : {}),
        ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
        ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
        ...(input.weight !== undefined ? { weight: input.weight } : {}),
        measure,
        dataSource,
        connectionId: dataSource?.connectionId ?? null,
        ...state.columns,
        updatedAt: deps.now(),
      })
      .where(eq(objectives.id, objective.id));
    if (state.changed && dataSource) await requestSyncOf(deps.queue, dataSource, tx);
  });
  return getObjective(deps.db, { id: input.id, userId: input.userId, now: deps.now() });
}
