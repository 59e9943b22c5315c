import { randomUUID } from "node:crypto";
import { assertEnteredNumber, DomainError } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { checkIns, keyResults } from "../db/schema/index.ts";
import { type CheckInView, checkInView } from "./check-in-view.ts";
import { manualProgress } from "./measured-edit.ts";
import { findUserNames } from "./okr.repo.ts";
import { accessKeyResult, requireEditKeyResult } from "./okr-access.ts";

/**
 * Records a manual check-in on a key result without a data source (who may edit it): the value (the percent
 * itself for percent complete, the KPI's value for a KPI) becomes its state, and a check-in by the caller is
 * added. A Jira-linked key result refuses (`conflict`): Jira is its only source.
 */
export async function checkInKeyResult(
  db: Db,
  input: { id: string; userId: string; value: number; note: string; now: Date },
): Promise<CheckInView> {
  assertEnteredNumber("value", input.value);
  return db.transaction(async (tx) => {
    const { keyResult, objective, viewer } = await accessKeyResult(tx, input.id, input.userId);
    requireEditKeyResult(viewer, keyResult, objective);
    if (keyResult.dataSource) {
      throw new DomainError(
        "conflict",
        "This key result reads its value from Jira: refresh it instead of checking in.",
        {
          reason: "has_data_source",
        },
      );
    }
    const progress = manualProgress(input.value, keyResult.measure ?? { kind: "percent" });
    await tx
      .update(keyResults)
      .set({
        value: input.value,
        progress,
        noDataReason: null,
        issueCount: null,
        doneCount: null,
        syncedAt: input.now,
        staleCode: null,
        staleMessage: null,
        staleSince: null,
      })
      .where(eq(keyResults.id, keyResult.id));
    const [row] = await tx
      .insert(checkIns)
      .values({
        id: randomUUID(),
        orgId: keyResult.orgId,
        keyResultId: keyResult.id,
        source: "manual",
        authorId: input.userId,
        value: input.value,
        progress,
        note: input.note,
        createdAt: input.now,
      })
      .returning();
    if (!row) throw new Error("check-in insert returned nothing");
    const names = await findUserNames(tx, [input.userId]);
    return checkInView({ ...row, authorName: names.get(input.userId) ?? null });
  });
}
