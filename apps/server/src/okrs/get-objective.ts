import type { Db } from "../db/database.ts";
import type { AnswerCache, JsonAnswer } from "../read-cache/answer-cache.ts";
import { alignedChildrenIn } from "./alignment.repo.ts";
import { forecastOf, NO_FORECAST } from "./item-forecast.ts";
import { listKeyResultsOf } from "./okr.repo.ts";
import { type ObjectiveView, objectiveView } from "./okr-views.ts";
import { readObjectiveAccess } from "./read-access.ts";
import { viewerKey } from "./viewer-key.ts";

/**
 * An objective with its key results, progress, status and aligned children (rolled up through any depth; its
 * forecast with its own data source): two queries.
 */
export async function getObjective(
  db: Db,
  input: { id: string; userId: string; now: Date },
): Promise<ObjectiveView> {
  return presentObjective(db, await readObjectiveAccess(db, input.id, input.userId), input.now);
}

/**
 * {@link getObjective} as JSON (`present`), answered from `answers` while its org and period are unchanged
 * (one query then). A write below it in another period bumps its period too (`0008_alignment_versions`).
 */
export async function getObjectiveAnswer(
  deps: { db: Db; answers: AnswerCache },
  input: { id: string; userId: string; now: Date },
  present: (view: ObjectiveView) => JsonAnswer,
): Promise<JsonAnswer> {
  const access = await readObjectiveAccess(deps.db, input.id, input.userId);
  const key = `objective:${access.objective.id}:${access.context.versions}:${viewerKey(access.context.viewer)}`;
  return deps.answers.answer(key, async () => present(await presentObjective(deps.db, access, input.now)));
}

async function presentObjective(
  db: Db,
  access: Awaited<ReturnType<typeof readObjectiveAccess>>,
  now: Date,
): Promise<ObjectiveView> {
  const { objective, period, context, alignedBelow, checkIns } = access;
  const keyResults = await listKeyResultsOf(db, [objective.id]);
  const forecast = objective.dataSource
    ? forecastOf(checkIns, objective.measure, period, objective.dataSource.metric)
    : NO_FORECAST;
  const children = alignedChildrenIn(alignedBelow, [objective.id]).get(objective.id) ?? [];
  return objectiveView(objective, keyResults, children, period, { ...context, now }, forecast);
}
