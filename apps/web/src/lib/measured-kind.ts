import type {
  KeyResult,
  KeyResultInput,
  KeyResultListItem,
  Objective,
  ObjectiveFields,
  ObjectiveInput,
} from "../api/okr-types";

/**
 * The two measured items, named as the API's resource segment (`/api/v1/key-results/:id`,
 * `/api/v1/objectives/:id`): everything the web does with one (read, edit, refresh, history, drill-down)
 * is keyed by it.
 */
export type MeasuredKind = "key-results" | "objectives";

/** The API shape of each kind. */
export interface MeasuredItemOf {
  "key-results": KeyResult;
  objectives: Objective;
}

/** The create/edit body of each kind. */
export interface MeasuredInputOf {
  "key-results": KeyResultInput;
  objectives: ObjectiveInput;
}

/**
 * Either measured item as every view has it (the goals list's or its own page's), with its kind: narrow on
 * `kind` to reach the item's own fields.
 */
export type MeasuredEntry =
  | { kind: "key-results"; item: KeyResultListItem }
  | { kind: "objectives"; item: ObjectiveFields & { keyResults: readonly KeyResultListItem[] } };

/** Either measured item as its own page reads it (with its forecast and period). */
export type MeasuredPageEntry =
  | { kind: "key-results"; item: KeyResult }
  | { kind: "objectives"; item: Objective };

/** The words a view uses for a kind: one table, so the two kinds cannot drift apart in wording. */
export interface KindWords {
  /** "key result": in sentences. */
  noun: string;
  /** "Key result": at the start of a sentence. */
  Noun: string;
  /** The create button and its toast. */
  createLabel: string;
  created: string;
  titlePlaceholder: string;
  /** What its weight is a share of. */
  weightHint: string;
}

/** {@link KindWords} of each kind. */
export const KIND_WORDS: Readonly<Record<MeasuredKind, KindWords>> = {
  "key-results": {
    noun: "key result",
    Noun: "Key result",
    createLabel: "Add key result",
    created: "Key result added.",
    titlePlaceholder: "Fix 20 bugs this quarter",
    weightHint: "Share in the objective's progress",
  },
  objectives: {
    noun: "objective",
    Noun: "Objective",
    createLabel: "Create objective",
    created: "Objective created.",
    titlePlaceholder: "Ship feature Email Campaigns",
    weightHint: "Share in its parent's progress",
  },
};
