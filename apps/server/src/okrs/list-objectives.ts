import { PROGRESS_STATUSES, type ProgressStatus } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import { decodeCursor, encodeCursor, type Page } from "../paging/cursor.ts";
import type { AnswerCache, JsonAnswer } from "../read-cache/answer-cache.ts";
import { findObjectivesInOrder, listObjectiveHeads, statusesOf } from "./objective-heads.ts";
import { listKeyResultsOf, type PeriodRow } from "./okr.repo.ts";
import { type ObjectiveView, objectiveView } from "./okr-views.ts";
import { type ReadContext, readPeriodAccess } from "./read-access.ts";
import { viewerKey } from "./viewer-key.ts";

/** Objectives by status (the org summary). */
export type StatusSummary = { total: number } & Record<ProgressStatus, number>;

/** Counts `views` by status. */
export function summarise(views: readonly { state: { status: ProgressStatus } }[]): StatusSummary {
  const summary = { total: views.length } as StatusSummary;
  for (const status of PROGRESS_STATUSES) summary[status] = 0;
  for (const view of views) summary[view.state.status] += 1;
  return summary;
}

type ListInput = {
  orgId: string;
  userId: string;
  now: Date;
  periodId: string;
  ownerId?: string | undefined;
  status?: ProgressStatus | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** A page of the list with the period's summary. */
export type ObjectivePage = Page<ObjectiveView & { parentTitle: string | null }> & { summary: StatusSummary };

/**
 * A page of a period's objectives (oldest first) with their key results and state, filtered by owner and
 * status, and the summary by status of the period's objectives (owner filter applied, status filter not, so
 * the counts stay visible while one status is picked). Status is computed, so filtering happens after
 * presenting: a period holds at most a few hundred objectives. Four queries.
 */
export async function listObjectives(db: Db, input: ListInput): Promise<ObjectivePage> {
  return computePage(db, await readPeriodAccess(db, input.orgId, input.periodId, input.userId), input);
}

/**
 * {@link listObjectives} as JSON (`present`), answered from `answers` while the org and period are
 * unchanged (one query then: the access check, which reads their versions).
 */
export async function listObjectivesAnswer(
  deps: { db: Db; answers: AnswerCache },
  input: ListInput,
  present: (page: ObjectivePage) => JsonAnswer,
): Promise<JsonAnswer> {
  const access = await readPeriodAccess(deps.db, input.orgId, input.periodId, input.userId);
  const key = [
    "objectives",
    access.period.id,
    access.context.versions,
    viewerKey(access.context.viewer),
    input.ownerId ?? "",
    input.status ?? "",
    input.limit,
    input.cursor ?? "",
  ].join(":");
  return deps.answers.answer(key, async () => present(await computePage(deps.db, access, input)));
}

async function computePage(
  db: Db,
  access: { period: PeriodRow; context: ReadContext },
  input: ListInput,
): Promise<ObjectivePage> {
  const { period, context } = access;
  // Status is computed, so the whole period is ordered, counted and filtered from light rows; only the page
  // is then loaded and presented.
  const heads = (await listObjectiveHeads(db, period)).filter(
    (head) => input.ownerId === undefined || head.ownerId === input.ownerId,
  );
  const statuses = statusesOf(heads, { period, now: input.now });
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const matching = heads
    .filter((head) => input.status === undefined || statuses.get(head.id) === input.status)
    .filter(
      (head) =>
        !after ||
        head.createdAt.getTime() > after.at.getTime() ||
        (head.createdAt.getTime() === after.at.getTime() && head.id > after.id),
    );
  const page = matching.slice(0, input.limit);
  const rows = await findObjectivesInOrder(
    db,
    page.map((head) => head.id),
  );
  const keyResults = groupBy(
    await listKeyResultsOf(
      db,
      page.map((head) => head.id),
    ),
    (kr) => kr.objectiveId,
  );
  const viewContext = { ...context, now: input.now };
  const aligned = new Map(page.map((head) => [head.id, head.aligned]));
  // The list shape leaves aligned children out (`childIds`): only the objective's own page lists them, but
  // they count in each objective's rolled-up state here too.
  const items = rows.map((row) => ({
    ...objectiveView(row, keyResults.get(row.id) ?? [], aligned.get(row.id) ?? [], period, viewContext),
    parentTitle: row.parentTitle,
  }));
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      matching.length > input.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
    summary: summarise([...statuses.values()].map((status) => ({ state: { status } }))),
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
