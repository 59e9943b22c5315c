import type { Db } from "../db/database.ts";
import { type CheckInView, checkInView } from "./check-in-view.ts";
import { type Forecast, forecastOf } from "./item-forecast.ts";
import { listCheckIns } from "./okr.repo.ts";
import { accessKeyResult, accessObjective } from "./okr-access.ts";

/** An item's history: its check-ins, oldest first, and the forecast at its period's end. */
export interface HistoryView {
  items: CheckInView[];
  forecast: Forecast | null;
}

/** Most check-ins returned (the latest): a quarter of changes is far fewer. */
export const HISTORY_LIMIT = 2000;

/** A key result's or objective's history (manual check-ins and values seen by the sync). */
export async function getHistory(
  db: Db,
  input: { kind: "key_result" | "objective"; id: string; userId: string },
): Promise<HistoryView> {
  if (input.kind === "key_result") {
    const { keyResult, period } = await accessKeyResult(db, input.id, input.userId);
    const rows = await listCheckIns(db, { keyResultId: keyResult.id }, HISTORY_LIMIT);
    return { items: rows.map(checkInView), forecast: forecastOf(rows, keyResult.measure, period) };
  }
  const { objective, period } = await accessObjective(db, input.id, input.userId);
  const rows = await listCheckIns(db, { objectiveId: objective.id }, HISTORY_LIMIT);
  return { items: rows.map(checkInView), forecast: forecastOf(rows, objective.measure, period) };
}
