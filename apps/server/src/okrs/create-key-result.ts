import type { Measure } from "@goalpost/domain";
import type { StoredDataSource } from "../db/schema/index.ts";
import { createMeasuredItem } from "../measured/create-measured-item.ts";
import { getKeyResult } from "./get-key-result.ts";
import type { OkrDeps } from "./okr-deps.ts";
import type { KeyResultView } from "./okr-views.ts";

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
 * Adds a key result to an objective (who may edit the objective): {@link createMeasuredItem}; returns its view.
 */
export async function createKeyResult(deps: OkrDeps, input: CreateKeyResultInput): Promise<KeyResultView> {
  const { objectiveId, ...item } = input;
  const id = await createMeasuredItem(deps, { ...item, placement: { kind: "key_result", objectiveId } });
  return getKeyResult(deps.db, { id, userId: input.userId, now: deps.now() });
}
