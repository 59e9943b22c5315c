// zod/mini: the same schemas, tree-shaken — the full zod put ~25 KB gzip on the first page (bench:web).
import * as z from "zod/mini";
import type { KeyResultListItem, Objective, ObjectiveFields, Period } from "../api/okr-types";
import { draftErrors, draftFromItem, draftToPayload, type MeasuredDraft } from "./measured-draft";
import { KIND_WORDS, type MeasuredEntry, type MeasuredInputOf, type MeasuredKind } from "./measured-kind";

/** What the form creates or edits: a key result in its objective, or an objective in a period. */
export type MeasuredItemFormTarget =
  | { kind: "key-results"; objectiveId: string; item?: KeyResultListItem }
  | {
      kind: "objectives";
      periods: Period[];
      periodId: string;
      /**
       * Objectives it may align to (its parent); the objective itself is left out. Omitted: every objective
       * of `periodId`, fetched when the form opens.
       */
      candidates?: readonly Pick<Objective, "id" | "title">[];
      item?: ObjectiveFields;
    };

/**
 * The form target that edits an existing item: a key result in its objective; an objective in its period,
 * aligning to one of `candidates` (omitted: fetched when the form opens).
 */
export function editTarget(
  entry: MeasuredEntry,
  periods: Period[],
  candidates?: readonly Pick<Objective, "id" | "title">[],
): MeasuredItemFormTarget {
  if (entry.kind === "key-results") {
    return { kind: entry.kind, objectiveId: entry.item.objectiveId, item: entry.item };
  }
  return { kind: entry.kind, periods, periodId: entry.item.periodId, candidates, item: entry.item };
}

/** The form's values: the item's own fields (objectives use all; key results leave the placement empty). */
export interface MeasuredItemFormValues extends MeasuredDraft {
  title: string;
  ownerId: string | null;
  weight: number | "";
  description: string;
  periodId: string;
  parentId: string | null;
}

/** The fields the server may name in a failed save, as the form calls them. */
export const FORM_FIELDS = [
  "title",
  "description",
  "ownerId",
  "periodId",
  "parentId",
  "weight",
  "start",
  "target",
  "unit",
  "jql",
  "connectionId",
  "metric",
] as const;

/** The form's values for the item to edit, or for a new one owned by `currentUserId`. */
export function formValuesOf(target: MeasuredItemFormTarget, currentUserId: string): MeasuredItemFormValues {
  const item = target.item;
  return {
    ...draftFromItem(item?.measure ?? null, item?.dataSource ?? null),
    title: item?.title ?? "",
    ownerId: item ? item.ownerId : currentUserId,
    weight: item?.weight ?? 1,
    description: target.kind === "objectives" ? (target.item?.description ?? "") : "",
    periodId: target.kind === "objectives" ? (target.item?.periodId ?? target.periodId) : "",
    parentId: target.kind === "objectives" ? (target.item?.parentId ?? null) : null,
  };
}

/** Whether the item is measured by the draft: a key result always, an objective only with its own source. */
function isMeasured(kind: MeasuredKind, draft: MeasuredDraft): boolean {
  return kind === "key-results" || draft.useJira;
}

/**
 * The form's checks, for `@mantine/form`'s `schemaResolver`: a title, a weight above 0, and a measure and
 * data source the server would accept ({@link draftErrors}, the rules the JQL check shares).
 *
 * @example
 * measuredItemSchema("objectives").safeParse({ ...values, title: " " }).error?.issues[0]?.message;
 * // "Give the objective a title"
 */
export function measuredItemSchema(kind: MeasuredKind) {
  const weightMessage = "The weight must be greater than 0";
  const fields = z.looseObject({
    // A check, not a transform: both sides of the intersection must parse to the same title.
    title: z
      .string()
      .check(z.refine((title) => title.trim() !== "", `Give the ${KIND_WORDS[kind].noun} a title`)),
    weight: z.number(weightMessage).check(z.gt(0, weightMessage)),
  });
  const source = z.custom<MeasuredDraft>().check(
    z.superRefine((draft, context) => {
      if (!isMeasured(kind, draft)) return;
      for (const [field, message] of Object.entries(draftErrors(draft))) {
        context.addIssue({ code: "custom", path: [field], message });
      }
    }),
  );
  return z.intersection(fields, source);
}

/**
 * The request body for valid values: a key result's own fields and measure; an objective's placement
 * too, and either its own measure and source or none (it then rolls up its key results).
 */
export function formInput(kind: MeasuredKind, values: MeasuredItemFormValues): MeasuredInputOf[MeasuredKind] {
  const common = { title: values.title.trim(), ownerId: values.ownerId, weight: Number(values.weight) };
  if (kind === "key-results") return { ...common, ...draftToPayload(values) };
  return {
    ...common,
    description: values.description.trim(),
    periodId: values.periodId,
    parentId: values.parentId,
    ...(isMeasured(kind, values) ? draftToPayload(values) : { measure: null, dataSource: null }),
  };
}
