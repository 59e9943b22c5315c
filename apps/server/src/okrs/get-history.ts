import { type KeyResultSeries, rollupHistory } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import { type CheckInView, checkInView } from "./check-in-view.ts";
import { forecastOf, type ItemForecast } from "./item-forecast.ts";
import { listAlignedObjectives, listCheckIns, listKeyResultsOf, type PeriodRow } from "./okr.repo.ts";
import { accessKeyResult, accessObjective } from "./okr-access.ts";

/** An item's history: its check-ins, oldest first, and the forecast at its period's end. */
export interface HistoryView extends ItemForecast {
  items: CheckInView[];
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
    return {
      items: rows.map(checkInView),
      ...forecastOf(rows, keyResult.measure, period, keyResult.dataSource?.metric ?? null),
    };
  }
  const { objective, period } = await accessObjective(db, input.id, input.userId);
  if (!objective.measure) return rollupObjectiveHistory(db, objective.id, period);
  const rows = await listCheckIns(db, { objectiveId: objective.id }, HISTORY_LIMIT);
  return {
    items: rows.map(checkInView),
    ...forecastOf(rows, objective.measure, period, objective.dataSource?.metric ?? null),
  };
}

/**
 * The history of an objective that rolls up from its key results and aligned objectives: its progress at each
 * change of one of them (source `rollup`), so its chart and forecast work like a key result's.
 */
async function rollupObjectiveHistory(db: Db, objectiveId: string, period: PeriodRow): Promise<HistoryView> {
  const points = (await rolledUpSeries(db, objectiveId, new Set([objectiveId]))).slice(-HISTORY_LIMIT);
  const items: CheckInView[] = points.map((point) => ({
    id: `rollup:${point.at.toISOString()}`,
    source: "rollup",
    author: null,
    value: point.progress,
    progress: point.progress,
    issueCount: null,
    doneCount: null,
    note: "",
    createdAt: point.at,
  }));
  const rows = points.map((point) => ({
    createdAt: point.at,
    value: point.progress,
    progress: point.progress,
  }));
  return { items, ...forecastOf(rows, null, period) };
}

/**
 * A rolled-up objective's progress over time: its key results' check-ins and, for each objective aligned to
 * it, that objective's own history (its check-ins with a data source, else its rolled-up series, through any
 * depth). `visiting` guards against a cycle: an objective met again adds nothing.
 */
async function rolledUpSeries(
  db: Db,
  objectiveId: string,
  visiting: ReadonlySet<string>,
): Promise<{ at: Date; progress: number }[]> {
  const keyResults = await listKeyResultsOf(db, [objectiveId]);
  const children = (await listAlignedObjectives(db, objectiveId)).filter((child) => !visiting.has(child.id));
  const series: KeyResultSeries[] = [
    ...(await Promise.all(
      keyResults.map(async (keyResult) => ({
        weight: keyResult.weight,
        points: (
          await listCheckIns(db, { keyResultId: keyResult.id }, HISTORY_LIMIT)
        ).map((row) => ({
          at: row.createdAt,
          progress: row.progress,
        })),
      })),
    )),
    ...(await Promise.all(
      children.map(async (child) => ({
        weight: child.weight,
        points: child.dataSource
          ? (
              await listCheckIns(db, { objectiveId: child.id }, HISTORY_LIMIT)
            ).map((row) => ({
              at: row.createdAt,
              progress: row.progress,
            }))
          : await rolledUpSeries(db, child.id, new Set([...visiting, child.id])),
      })),
    )),
  ];
  return rollupHistory(series);
}
