import { randomUUID } from "node:crypto";
import type { Measure } from "@goalpost/domain";
import { keyResults, type StoredDataSource } from "../db/schema/index.ts";
import { getKeyResult } from "./get-key-result.ts";
import { requestSyncOf, validateMeasured } from "./measured-edit.ts";
import { accessObjective, requireEditObjective } from "./okr-access.ts";
import type { OkrDeps } from "./okr-deps.ts";
import { checkOwner } from "./okr-references.ts";
import type { KeyResultView } from "./okr-views.ts";
import { requireValidJql } from "./require-valid-jql.ts";

/** Input of {@link createKeyResult}. */
export interface CreateKeyResultInput {
  objectiveId: string;
  userId: string;
  title: string;
  ownerId?: string | null | undefined;
  weight: number;
  measure: Measure;
  dataSource?: StoredDataSource | null | undefined;
}

/**
 * Adds a key result to an objective (who may edit the objective). Jira-linked: a sync of its query is
 * requested in the same transaction; otherwise it waits for manual check-ins.
 */
export async function createKeyResult(deps: OkrDeps, input: CreateKeyResultInput): Promise<KeyResultView> {
  const id = randomUUID();
  if (input.dataSource) {
    // Who may not edit the objective is refused before Jira is asked anything.
    const { objective, viewer } = await accessObjective(deps.db, input.objectiveId, input.userId);
    requireEditObjective(viewer, objective);
    await requireValidJql(deps, { userId: input.userId, dataSource: input.dataSource });
  }
  await deps.db.transaction(async (tx) => {
    const { objective, viewer } = await accessObjective(tx, input.objectiveId, input.userId);
    requireEditObjective(viewer, objective);
    const ownerId = input.ownerId === undefined ? input.userId : input.ownerId;
    await checkOwner(tx, objective.orgId, ownerId);
    const dataSource = input.dataSource ?? null;
    await validateMeasured(tx, {
      orgId: objective.orgId,
      userId: input.userId,
      measure: input.measure,
      dataSource,
    });
    const now = deps.now();
    await tx.insert(keyResults).values({
      id,
      orgId: objective.orgId,
      objectiveId: objective.id,
      title: input.title,
      ownerId,
      weight: input.weight,
      createdBy: input.userId,
      createdAt: now,
      updatedAt: now,
      measure: input.measure,
      dataSource,
      connectionId: dataSource?.connectionId ?? null,
    });
    if (dataSource) await requestSyncOf(deps.queue, dataSource, tx);
  });
  return getKeyResult(deps.db, { id, userId: input.userId, now: deps.now() });
}
