import { canEditOkr } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import type { AnswerCache } from "../read-cache/answer-cache.ts";
import { forecastOf } from "./item-forecast.ts";
import { listCheckIns } from "./okr.repo.ts";
import { type KeyResultView, keyResultView } from "./okr-views.ts";
import { readKeyResultAccess } from "./read-access.ts";

/** A key result with its measure, data source, state and forecast at the period's end (two queries). */
export async function getKeyResult(
  db: Db,
  input: { id: string; userId: string; now: Date },
): Promise<KeyResultView> {
  const { keyResult, objective, period, context } = await readKeyResultAccess(db, input.id, input.userId);
  const forecast = forecastOf(
    await listCheckIns(db, { keyResultId: keyResult.id }),
    keyResult.measure,
    period,
  );
  return keyResultView(keyResult, objective, period, { ...context, now: input.now }, forecast);
}

/**
 * {@link getKeyResult} as JSON (`present`), answered from `answers` while its org and period are unchanged:
 * one query then (the access check, which reads their versions), two otherwise.
 */
export async function getKeyResultAnswer(
  deps: { db: Db; answers: AnswerCache },
  input: { id: string; userId: string; now: Date },
  present: (view: KeyResultView) => string,
): Promise<string> {
  const { keyResult, objective, period, context } = await readKeyResultAccess(
    deps.db,
    input.id,
    input.userId,
  );
  const canEdit = canEditOkr(context.viewer, keyResult, objective);
  return deps.answers.answer(`key-result:${keyResult.id}:${context.versions}:${canEdit}`, async () => {
    const forecast = forecastOf(
      await listCheckIns(deps.db, { keyResultId: keyResult.id }),
      keyResult.measure,
      period,
    );
    return present(keyResultView(keyResult, objective, period, { ...context, now: input.now }, forecast));
  });
}
