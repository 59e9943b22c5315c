import type { Db } from "../db/database.ts";
import { getKeyResult, getKeyResultAnswer } from "../okrs/get-key-result.ts";
import { getObjective, getObjectiveAnswer } from "../okrs/get-objective.ts";
import type { KeyResultView, ObjectiveView } from "../okrs/okr-views.ts";
import type { AnswerCache, JsonAnswer } from "../read-cache/answer-cache.ts";
import type { MeasuredKind } from "./measured-kind.ts";

/** The API's view of an item of each kind. */
export interface MeasuredViews {
  key_result: KeyResultView;
  objective: ObjectiveView;
}

type ViewInput = { id: string; userId: string; now: Date };

const viewers: { [K in MeasuredKind]: (db: Db, input: ViewInput) => Promise<MeasuredViews[K]> } = {
  key_result: getKeyResult,
  objective: getObjective,
};

/** An item's view as its own GET returns it (the caller must be able to see it, else `not_found`). */
export function getMeasuredView<K extends MeasuredKind>(
  db: Db,
  kind: K,
  input: ViewInput,
): Promise<MeasuredViews[K]> {
  return viewers[kind](db, input);
}

type Answer<K extends MeasuredKind> = (
  deps: { db: Db; answers: AnswerCache },
  input: ViewInput,
  present: (view: MeasuredViews[K]) => JsonAnswer,
) => Promise<JsonAnswer>;

const answerers: { [K in MeasuredKind]: Answer<K> } = {
  key_result: getKeyResultAnswer,
  objective: getObjectiveAnswer,
};

/**
 * {@link getMeasuredView} as JSON (`present`), answered from the read cache while nothing it depends on
 * changed (each kind's own `get…Answer` says how).
 */
export function getMeasuredAnswer<K extends MeasuredKind>(
  deps: { db: Db; answers: AnswerCache },
  kind: K,
  input: ViewInput,
  present: (view: MeasuredViews[K]) => JsonAnswer,
): Promise<JsonAnswer> {
  return answerers[kind](deps, input, present);
}
