import type { Measure } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import { keyResults, type StoredDataSource } from "../db/schema/index.ts";
import { getKeyResult } from "./get-key-result.ts";
import { requestSyncOf, stateAfterEdit, validateMeasured } from "./measured-edit.ts";
import { accessKeyResult, requireEditKeyResult } from "./okr-access.ts";
import type { OkrDeps } from "./okr-deps.ts";
import { checkOwner } from "./okr-references.ts";
import type { KeyResultView } from "./okr-views.ts";
import { requireValidJql } from "./require-valid-jql.ts";

/** Input of {@link updateKeyResult}: absent fields are left as they are. */
export interface UpdateKeyResultInput {
  id: string;
  userId: string;
  title?: string | undefined;
  ownerId?: string | null | undefined;
  weight?: number | undefined;
  measure?: Measure | undefined;
  dataSource?: StoredDataSource | null | undefined;
}

/**
 * Edits a key result. A new or changed data source, or a changed measure on a Jira-linked one, empties its
 * state and requests a sync in the same transaction; a manual one keeps its value, re-measured.
 */
export async function updateKeyResult(deps: OkrDeps, input: UpdateKeyResultInput): Promise<KeyResultView> {
  if (input.dataSource) {
    // Who may not edit is refused before Jira is asked anything.
    const { keyResult, objective, viewer } = await accessKeyResult(deps.db, input.id, input.userId);
    requireEditKeyResult(viewer, keyResult, objective);
    await requireValidJql(deps, {
      userId: input.userId,
      dataSource: input.dataSource,
      previous: keyResult.dataSource,
    });
  }
  await deps.db.transaction(async (tx) => {
    const { keyResult, objective, viewer } = await accessKeyResult(tx, input.id, input.userId);
    requireEditKeyResult(viewer, keyResult, objective);
    if (input.ownerId !== undefined) await checkOwner(tx, keyResult.orgId, input.ownerId);
    const measure = input.measure ?? keyResult.measure ?? { kind: "percent" };
    const dataSource = input.dataSource === undefined ? keyResult.dataSource : input.dataSource;
    await validateMeasured(tx, {
      orgId: keyResult.orgId,
      userId: input.userId,
      measure,
      dataSource,
      previous: keyResult.dataSource,
    });
    const state = stateAfterEdit(keyResult, { measure, dataSource });
    await tx
      .update(keyResults)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
        ...(input.weight !== undefined ? { weight: input.weight } : {}),
        measure,
        dataSource,
        connectionId: dataSource?.connectionId ?? null,
        ...state.columns,
        updatedAt: deps.now(),
      })
      .where(eq(keyResults.id, keyResult.id));
    if (state.changed && dataSource) await requestSyncOf(deps.queue, dataSource, tx);
  });
  return getKeyResult(deps.db, { id: input.id, userId: input.userId, now: deps.now() });
}
