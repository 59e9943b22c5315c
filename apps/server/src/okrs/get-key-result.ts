import type { Db } from "../db/database.ts";
import { forecastOf } from "./item-forecast.ts";
import { listCheckIns } from "./okr.repo.ts";
import { accessKeyResult } from "./okr-access.ts";
import { type KeyResultView, keyResultView, viewContext } from "./okr-views.ts";

/** A key result with its measure, data source, state and forecast at the period's end. */
export async function getKeyResult(
  db: Db,
  input: { id: string; userId: string; now: Date },
): Promise<KeyResultView> {
  const { keyResult, objective, period, viewer } = await accessKeyResult(db, input.id, input.userId);
  const context = await viewContext(db, keyResult.orgId, viewer, input.now);
  const forecast = forecastOf(
    await listCheckIns(db, { keyResultId: keyResult.id }),
    keyResult.measure,
    period,
    keyResult.dataSource?.metric ?? null,
  );
  return keyResultView(keyResult, objective, period, context, forecast);
}
