import type { Measure } from "@goalpost/domain";
import type { MeasuredItemEdit } from "../measured/update-measured-item.ts";
import { updateMeasuredItem } from "../measured/update-measured-item.ts";
import { getKeyResult } from "./get-key-result.ts";
import type { OkrDeps } from "./okr-deps.ts";
import type { KeyResultView } from "./okr-views.ts";

/** Input of {@link updateKeyResult}: absent fields are left as they are (a key result always has a measure). */
export interface UpdateKeyResultInput extends MeasuredItemEdit {
  measure?: Measure | undefined;
}

/**
 * Edits a key result (who may edit it or its objective): {@link updateMeasuredItem}; returns its new view.
 */
export async function updateKeyResult(deps: OkrDeps, input: UpdateKeyResultInput): Promise<KeyResultView> {
  await updateMeasuredItem(deps, "key_result", input);
  return getKeyResult(deps.db, { id: input.id, userId: input.userId, now: deps.now() });
}
