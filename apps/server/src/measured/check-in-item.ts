import { assertEnteredNumber, DomainError } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import { type CheckInView, checkInView } from "../okrs/check-in-view.ts";
import { findUserNames } from "../okrs/okr.repo.ts";
import { accessEditableItem } from "./access-measured-item.ts";
import { measureAfter } from "./item-measure.ts";
import { manualProgress } from "./measured-edit.ts";
import { saveManualValue } from "./measured-item.repo.ts";
import { MEASURED_NAMES, type MeasuredItemRef } from "./measured-kind.ts";

/**
 * Records a manual check-in on an item without a data source (who may edit it): the value (the percent itself
 * for percent complete, the KPI's value for a KPI) becomes its state, and a check-in by the caller is added.
 * A Jira-linked item refuses (`conflict`, `has_data_source`): Jira is its only source; so does an objective
 * that rolls up from its key results (`conflict`, `rolls_up`).
 */
export async function checkInItem(
  db: Db,
  input: MeasuredItemRef & { userId: string; value: number; note: string; now: Date },
): Promise<CheckInView> {
  assertEnteredNumber("value", input.value);
  const name = MEASURED_NAMES[input.kind];
  return db.transaction(async (tx) => {
    const row = await accessEditableItem(tx, input, input.userId);
    if (row.dataSource) {
      throw new DomainError(
        "conflict",
        `This ${name} reads its value from Jira: refresh it instead of checking in.`,
        { reason: "has_data_source" },
      );
    }
    const measure = measureAfter(input.kind, undefined, row.measure, null);
    if (!measure) {
      throw new DomainError("conflict", `This ${name} rolls up from its key results: check those in.`, {
        reason: "rolls_up",
      });
    }
    const progress = manualProgress(input.value, measure);
    const checkIn = await saveManualValue(
      tx,
      { ...input, orgId: row.orgId },
      { ...input, progress, authorId: input.userId },
    );
    const names = await findUserNames(tx, [input.userId]);
    return checkInView({ ...checkIn, authorName: names.get(input.userId) ?? null });
  });
}
