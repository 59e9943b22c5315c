import { DomainError, rollupHistory } from "@goalpost/domain";
import { asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { checkIns, keyResults } from "../db/schema/index.ts";
import type { AlignmentNodeRow } from "../okrs/alignment.repo.ts";
import { type CheckInView, checkInView } from "../okrs/check-in-view.ts";
import { keyResultLocation } from "../okrs/get-key-result.ts";
import { forecastOf, type ItemForecast } from "../okrs/item-forecast.ts";
import { listCheckIns, listKeyResultHistory, type PeriodRow } from "../okrs/okr.repo.ts";
import {
  type ReadContext,
  readKeyResultAccess,
  readObjectiveAccess,
  readScopeAccess,
} from "../okrs/read-access.ts";
import type { AnswerCache, ItemLocation, JsonAnswer } from "../read-cache/answer-cache.ts";
import { itemCacheKey, type MeasuredItemRef } from "./measured-kind.ts";

/** An item's history: its check-ins, oldest first, and the forecast at its period's end (or why there is none). */
export interface HistoryView extends ItemForecast {
  items: CheckInView[];
}

/** Most check-ins returned (the latest): a quarter of changes is far fewer. */
export const HISTORY_LIMIT = 2000;

type HistoryInput = MeasuredItemRef & { userId: string };

/** A key result's or objective's history (manual check-ins and values seen by the sync): two queries. */
export async function getHistory(db: Db, input: HistoryInput): Promise<HistoryView> {
  const { compute } = await accessHistory(db, input);
  return compute();
}

/**
 * {@link getHistory} as JSON (`present`), answered from `answers` while the item's org and period are
 * unchanged: for a key result seen before, one light query (the caller's membership and the two versions),
 * else the access check; at most two queries. The same for every member: a history has no per-caller field.
 * A rolled-up objective's history includes what is aligned below it in other periods: writes there bump its
 * period too (`0008_alignment_versions`).
 */
export async function getHistoryAnswer(
  deps: { db: Db; answers: AnswerCache },
  input: HistoryInput,
  present: (view: HistoryView) => JsonAnswer,
): Promise<JsonAnswer> {
  const keyOf = (versions: string) => `history:${input.kind}:${input.id}:${versions}`;
  const item = itemCacheKey(input);
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
      ...forecastOf(rows.checkIns, rows.measure, rows.period, rows.dataSource?.metric ?? null),
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
    const access = await readKeyResultAccess(db, input.id, input.userId);
    const { keyResult, period, context } = access;
    return {
      context,
      location: keyResultLocation(access),
      async compute() {
        const rows = await listCheckIns(db, { keyResultId: keyResult.id }, HISTORY_LIMIT);
        return {
          items: rows.map(checkInView),
          ...forecastOf(rows, keyResult.measure, period, keyResult.dataSource?.metric ?? null),
        };
      },
    };
  }
  const { objective, period, context, alignedBelow } = await readObjectiveAccess(db, input.id, input.userId);
  return {
    context,
    async compute() {
      if (!objective.measure) return rollupObjectiveHistory(db, objective.id, alignedBelow, period);
      const rows = await listCheckIns(db, { objectiveId: objective.id }, HISTORY_LIMIT);
      return {
        items: rows.map(checkInView),
        ...forecastOf(rows, objective.measure, period, objective.dataSource?.metric ?? null),
      };
    },
  };
}

/** A check-in point of a rolled-up objective's history: of a key result (with its weight) or of an objective. */
interface RollupPoint {
  keyResultId: string | null;
  /** The key result's objective, or the objective checked in. */
  objectiveId: string | null;
  weight: number | null;
  at: Date;
  progress: number | null;
}

/**
 * The history of an objective that rolls up from its key results and aligned objectives (`alignedBelow`,
 * through any depth, read with its access): its progress at each change of one of them (source `rollup`), so
 * its chart and forecast work like a key result's. Every check-in it depends on in one query — its key
 * results' and those of every rolled-up objective below it, and the own check-ins of objectives below it
 * with their own data source — assembled in memory.
 */
async function rollupObjectiveHistory(
  db: Db,
  objectiveId: string,
  alignedBelow: readonly AlignmentNodeRow[],
  period: PeriodRow,
): Promise<HistoryView> {
  const rolled = [objectiveId, ...alignedBelow.filter((row) => !row.hasSource).map((row) => row.id)];
  const sourced = alignedBelow.filter((row) => row.hasSource).map((row) => row.id);
  const ofKeyResults = inArray(
    checkIns.keyResultId,
    sql`(select ${keyResults.id} from ${keyResults} where ${inArray(keyResults.objectiveId, rolled)})`,
  );
  const rows: RollupPoint[] = await db
    .select({
      keyResultId: checkIns.keyResultId,
      objectiveId: sql<string | null>`coalesce(${keyResults.objectiveId}, ${checkIns.objectiveId})`,
      weight: keyResults.weight,
      at: checkIns.createdAt,
      progress: checkIns.progress,
    })
    .from(checkIns)
    .leftJoin(keyResults, eq(keyResults.id, checkIns.keyResultId))
    .where(sourced.length === 0 ? ofKeyResults : or(ofKeyResults, inArray(checkIns.objectiveId, sourced)))
    .orderBy(asc(checkIns.createdAt), asc(checkIns.id));
  const points = rolledUpSeries(objectiveId, alignedBelow, rows).slice(-HISTORY_LIMIT);
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
  return { items, ...forecastOf(forecastRows, null, period) };
}

/**
 * A rolled-up objective's progress over time from `points` (oldest first): its key results' check-ins and,
 * for each objective aligned to it, that objective's own history (its check-ins with a data source, else its
 * rolled-up series, through any depth). An objective met again on the way down (a cycle, refused when saving
 * but never trusted) adds nothing.
 */
function rolledUpSeries(
  objectiveId: string,
  alignedBelow: readonly AlignmentNodeRow[],
  points: readonly RollupPoint[],
): { at: Date; progress: number }[] {
  // Each key result's series, by objective, in the order first seen; each objective's own check-ins.
  const keyResultsOf = new Map<string, Map<string, { weight: number; points: SeriesPoint[] }>>();
  const ownPoints = new Map<string, SeriesPoint[]>();
  for (const point of points) {
    if (point.objectiveId === null) continue;
    const at = { at: point.at, progress: point.progress };
    if (point.keyResultId === null) {
      ownPoints.set(point.objectiveId, [...(ownPoints.get(point.objectiveId) ?? []), at]);
      continue;
    }
    const ofObjective = keyResultsOf.get(point.objectiveId) ?? new Map();
    keyResultsOf.set(point.objectiveId, ofObjective);
    const series = ofObjective.get(point.keyResultId) ?? { weight: point.weight ?? 1, points: [] };
    ofObjective.set(point.keyResultId, series);
    series.points.push(at);
  }
  const children = new Map<string, AlignmentNodeRow[]>();
  for (const row of alignedBelow) {
    if (row.parentId !== null) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  }
  const seriesOf = (id: string, visiting: ReadonlySet<string>): { at: Date; progress: number }[] =>
    rollupHistory([
      ...[...(keyResultsOf.get(id)?.values() ?? [])].map((series) => ({
        weight: series.weight,
        points: series.points.slice(-HISTORY_LIMIT),
      })),
      ...(children.get(id) ?? [])
        .filter((child) => !visiting.has(child.id))
        .map((child) => ({
          weight: child.weight,
          points: child.hasSource
            ? (ownPoints.get(child.id) ?? []).slice(-HISTORY_LIMIT)
            : seriesOf(child.id, new Set([...visiting, child.id])),
        })),
    ]);
  return seriesOf(objectiveId, new Set([objectiveId]));
}

type SeriesPoint = { at: Date; progress: number | null };
