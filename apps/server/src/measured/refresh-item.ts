import { DomainError } from "@goalpost/domain";
import { requireJiraEnabled } from "../jira-connections/access-connection.ts";
import type { OkrDeps } from "../okrs/okr-deps.ts";
import { finishedWithin, REFRESH_ANSWER_WAIT_MS } from "../sync/answer-within.ts";
import { refreshMeasuredItem } from "../sync/refresh-measured-item.ts";
import { accessMeasuredItem } from "./access-measured-item.ts";
import type { MeasuredKind } from "./measured-kind.ts";
import { getMeasuredView, type MeasuredViews } from "./measured-view.ts";

const NO_SOURCE = "It has no Jira data source to refresh: check in manually instead.";

/** A refreshed item's view, and whether its re-read of Jira still goes on (the answer is then a 202). */
export interface Refreshed<View> {
  view: View;
  refreshing: boolean;
}

/**
 * Re-reads a Jira-linked item's query now (any member of its org: it changes nothing but freshness) and
 * returns its new view. A failed read keeps the last good value and shows why in `state.stale`. When Jira
 * has not answered within the refresh wait, returns the current view with `refreshing` (the read goes on).
 * No data source: `conflict` (`no_data_source`); the org's Jira switched off: `jira_integration_disabled`.
 */
export async function refreshItem<K extends MeasuredKind>(
  deps: OkrDeps,
  input: { kind: K; id: string; userId: string },
): Promise<Refreshed<MeasuredViews[K]>> {
  const { row } = await accessMeasuredItem(deps.db, input, input.userId);
  if (!row.dataSource) throw new DomainError("conflict", NO_SOURCE, { reason: "no_data_source" });
  await requireJiraEnabled(deps.db, row.orgId);
  const finished = await finishedWithin(
    refreshMeasuredItem(deps, { kind: input.kind, id: input.id }),
    deps.jira.refreshAnswerWaitMs ?? REFRESH_ANSWER_WAIT_MS,
    deps.logger,
  );
  const view = await getMeasuredView(deps.db, input.kind, {
    id: input.id,
    userId: input.userId,
    now: deps.now(),
  });
  return { view, refreshing: !finished };
}
