import { DomainError, rollupHistory } from "@goalpost/domain";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { checkIns, keyResults } from "../db/schema/index.ts";
import type { AnswerCache, ItemLocation } from "../read-cache/answer-cache.ts";
import { type CheckInView, checkInView } from "./check-in-view.ts";
import { type Forecast, forecastOf } from "./item-forecast.ts";
import { listCheckIns, listKeyResultHistory, type PeriodRow } from "./okr.repo.ts";
import {
  type ReadContext,
  readKeyResultAccess,
  readObjectiveAccess,
  readScopeAccess,
} from "./read-access.ts";

/** An item's history: its check-ins, oldest first, and the forecast at its period's end. */
export interface HistoryView {
  items: CheckInView[];
  forecast: Forecast | null;
}

/** Most check-ins returned (the latest): a quarter of changes is far fewer. */
export const HISTORY_LIMIT = 2000;

type HistoryInput = { kind: "key_result" | "objective"; id: string; userId: string };

/** A key result's or objective's history (manual check-ins and values seen by the sync): two queries. */
export async function getHistory(db: Db, input: HistoryInput): Promise<HistoryView> {
  const { compute } = await accessHistory(db, input);
  return compute();
}

/**
 * {@link getHistory} as JSON (`present`), answered from `answers` while the item's org and period are
 * unchanged: for a key result seen before, one light query (the caller's membership and the two versions),
 * else the access check; at most two queries. The same for every member: a history has no per-caller field.
 */
export async function getHistoryAnswer(
  deps: { db: Db; answers: AnswerCache },
  input: HistoryInput,
  present: (view: HistoryView) => string,
): Promise<string> {
  const keyOf = (versions: string) => `history:${input.kind}:${input.id}:${versions}`;
  const item = `key-result:${input.id}`;
  const location = input.kind === "key_result" ? deps.answers.location(item) : undefined;
  if (location) {
    const scope = await readScopeAccess(deps.db, location.orgId, location.periodId, input.userId);
    if (!scope) throw new DomainError("not_found", "Key result not found.");
    const cached = deps.answers.get(keyOf(scope.versions));
    if (cached !== undefined) return cached;
    const rows = await listKeyResultHistory(deps.db, input.id, HISTORY_LIMIT);
    if (!rows) throw new DomainError("not_found", "Key result not found.");
    const json = present({
      items: rows.checkIns.map(checkInView),
      forecast: forecastOf(rows.checkIns, rows.measure, rows.period),
    });
    // Cached under the versions just read only if it is still where they were read for.
    if (rows.orgId === location.orgId && rows.period.id === location.periodId) {
      deps.answers.set(keyOf(scope.versions), json);
    } else {
      deps.answers.forget(item);
    }
    return json;
  }
  const { context, compute, location: found } = await accessHistory(deps.db, input);
  const json = await deps.answers.answer(keyOf(context.versions), async () => present(await compute()));
  if (found) deps.answers.locate(item, found);
  return json;
}

/** The access check (one query) and how to compute the history then (one more). */
async function accessHistory(
  db: Db,
  input: HistoryInput,
): Promise<{ context: ReadContext; compute: () => Promise<HistoryView>; location?: ItemLocation }> {
  if (input.kind === "key_result") {
    const { keyResult, objective, period, context } = await readKeyResultAccess(db, input.id, input.userId);
    return {
      context,
      location: {
        orgId: keyResult.orgId,
        periodId: period.id,
        versions: context.versions,
        ownership: {
          item: { ownerId: keyResult.ownerId, createdBy: keyResult.createdBy },
          parent: { ownerId: objective.ownerId, createdBy: objective.createdBy },
        },
      },
      async compute() {
        const rows = await listCheckIns(db, { keyResultId: keyResult.id }, HISTORY_LIMIT);
        return { items: rows.map(checkInView), forecast: forecastOf(rows, keyResult.measure, period) };
      },
    };
  }
  const { objective, period, context } = await readObjectiveAccess(db, input.id, input.userId);
  return {
    context,
    async compute() {
      if (!objective.measure) return rollupObjectiveHistory(db, objective.id, period);
      const rows = await listCheckIns(db, { objectiveId: objective.id }, HISTORY_LIMIT);
      return { items: rows.map(checkInView), forecast: forecastOf(rows, objective.measure, period) };
    },
  };
}

/**
 * The history of an objective that rolls up from its key results: its progress at each change of one of
 * them (source `rollup`), so its chart and forecast work like a key result's. Every key result's check-ins
 * in one query.
 */
async function rollupObjectiveHistory(db: Db, objectiveId: string, period: PeriodRow): Promise<HistoryView> {
  const rows = await db
    .select({
      keyResultId: keyResults.id,
      weight: keyResults.weight,
      at: checkIns.createdAt,
      progress: checkIns.progress,
    })
    .from(keyResults)
    .leftJoin(checkIns, eq(checkIns.keyResultId, keyResults.id))
    .where(eq(keyResults.objectiveId, objectiveId))
    .orderBy(asc(keyResults.createdAt), asc(keyResults.id), asc(checkIns.createdAt), asc(checkIns.id));
  const byKeyResult = new Map<string, { weight: number; points: { at: Date; progress: number | null }[] }>();
  for (const row of rows) {
    const series = byKeyResult.get(row.keyResultId) ?? { weight: row.weight, points: [] };
    byKeyResult.set(row.keyResultId, series);
    if (row.at) series.points.push({ at: row.at, progress: row.progress });
  }
  const series = [...byKeyResult.values()].map((entry) => ({
    weight: entry.weight,
    points: entry.points.slice(-HISTORY_LIMIT),
  }));
  const points = rollupHistory(series).slice(-HISTORY_LIMIT);
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
  const forecastRows = points.map((point) => ({
    createdAt: point.at,
    value: point.progress,
    progress: point.progress,
  }));
  return { items, forecast: forecastOf(forecastRows, null, period) };
}
