import { DomainError, PROGRESS_STATUSES, type ProgressStatus } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import { decodeCursor, encodeCursor, type Page } from "../paging/cursor.ts";
import { findObjectivesInOrder, listObjectiveHeads, statusesOf } from "./objective-heads.ts";
import { findPeriod } from "./okr.repo.ts";
import { requireOkrViewer } from "./okr-access.ts";
import { type ObjectiveView, presentObjectives, viewContext } from "./okr-views.ts";

/** Objectives by status (the org summary). */
export type StatusSummary = { total: number } & Record<ProgressStatus, number>;

/** Counts `views` by status. */
export function summarise(views: readonly { state: { status: ProgressStatus } }[]): StatusSummary {
  const summary = { total: views.length } as StatusSummary;
  for (const status of PROGRESS_STATUSES) summary[status] = 0;
  for (const view of views) summary[view.state.status] += 1;
  return summary;
}

/**
 * A page of a period's objectives (oldest first) with their key results and state, filtered by owner and
 * status, and the summary by status of the period's objectives (owner filter applied, status filter not, so
 * the counts stay visible while one status is picked). Status is computed, so filtering happens after
 * presenting: a period holds at most a few hundred objectives.
 */
export async function listObjectives(
  db: Db,
  input: {
    orgId: string;
    userId: string;
    now: Date;
    periodId: string;
    ownerId?: string | undefined;
    status?: ProgressStatus | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<Page<ObjectiveView> & { summary: StatusSummary }> {
  const viewer = await requireOkrViewer(db, input.orgId, input.userId);
  const period = await findPeriod(db, input.periodId);
  if (!period || period.orgId !== input.orgId) throw new DomainError("not_found", "Period not found.");
  // Status is computed, so the whole period is ordered, counted and filtered from light rows; only the page
  // is then loaded and presented in full.
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
  const items = await presentObjectives(db, rows, await viewContext(db, input.orgId, viewer, input.now));
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      matching.length > input.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
    summary: summarise([...statuses.values()].map((status) => ({ state: { status } }))),
  };
}
