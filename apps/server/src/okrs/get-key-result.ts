import { canEditOkr, DomainError } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import { itemCacheKey } from "../measured/measured-kind.ts";
import type { AnswerCache, ItemLocation, JsonAnswer } from "../read-cache/answer-cache.ts";
import { forecastOf } from "./item-forecast.ts";
import { type KeyResultView, keyResultView } from "./okr-views.ts";
import { readKeyResultAccess, readScopeAccess } from "./read-access.ts";

/** A key result with its measure, data source, state and forecast at the period's end (one query). */
export async function getKeyResult(
  db: Db,
  input: { id: string; userId: string; now: Date },
): Promise<KeyResultView> {
  const { keyResult, objective, period, context, checkIns } = await readKeyResultAccess(
    db,
    input.id,
    input.userId,
  );
  const forecast = forecastOf(checkIns, keyResult.measure, period, keyResult.dataSource?.metric ?? null);
  return keyResultView(keyResult, objective, period, { ...context, now: input.now }, forecast);
}

/**
 * {@link getKeyResult} as JSON (`present`), from `answers` while nothing it depends on changed: one light
 * query (the caller's membership and the versions of the key result's org and period) when it is cached,
 * at most two otherwise.
 */
export async function getKeyResultAnswer(
  deps: { db: Db; answers: AnswerCache },
  input: { id: string; userId: string; now: Date },
  present: (view: KeyResultView) => JsonAnswer,
): Promise<JsonAnswer> {
  const item = itemCacheKey({ kind: "key_result", id: input.id });
  const keyOf = (versions: string, canEdit: boolean) => `${item}:${versions}:${canEdit}`;
  const location = deps.answers.location(item);
  if (location) {
    const scope = await readScopeAccess(deps.db, location.orgId, location.periodId, input.userId);
    if (!scope) throw new DomainError("not_found", "Key result not found.");
    if (scope.versions === location.versions) {
      const canEdit = canEditOkr(scope.viewer, location.ownership.item, location.ownership.parent);
      const cached = deps.answers.get(keyOf(scope.versions, canEdit));
      if (cached !== undefined) return cached;
    }
  }
  const { keyResult, objective, period, context, checkIns } = await readKeyResultAccess(
    deps.db,
    input.id,
    input.userId,
  );
  const view = keyResultView(
    keyResult,
    objective,
    period,
    { ...context, now: input.now },
    forecastOf(checkIns, keyResult.measure, period, keyResult.dataSource?.metric ?? null),
  );
  const json = present(view);
  deps.answers.set(keyOf(context.versions, view.canEdit), json);
  deps.answers.locate(item, keyResultLocation({ keyResult, objective, period, context }));
  return json;
}

/**
 * Where the read cache finds a key result read with its access: its org and period, the versions read, and
 * who owns it and its objective (what `canEdit` depends on).
 */
export function keyResultLocation(
  access: Pick<
    Awaited<ReturnType<typeof readKeyResultAccess>>,
    "keyResult" | "objective" | "period" | "context"
  >,
): ItemLocation {
  const { keyResult, objective, period, context } = access;
  return {
    orgId: keyResult.orgId,
    periodId: period.id,
    versions: context.versions,
    ownership: {
      item: { ownerId: keyResult.ownerId, createdBy: keyResult.createdBy },
      parent: { ownerId: objective.ownerId, createdBy: objective.createdBy },
    },
  };
}
