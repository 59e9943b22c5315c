import type { Db } from "../db/database.ts";
import { accessEditableItem } from "./access-measured-item.ts";
import { deleteMeasuredRow } from "./measured-item.repo.ts";
import type { MeasuredItemRef } from "./measured-kind.ts";

/**
 * Deletes a key result or objective (who may edit it) with its check-ins; an objective takes its key results
 * with it, and the objectives aligned to it become top-level.
 */
export async function deleteMeasuredItem(db: Db, input: MeasuredItemRef & { userId: string }): Promise<void> {
  await accessEditableItem(db, input, input.userId);
  await deleteMeasuredRow(db, input);
}
