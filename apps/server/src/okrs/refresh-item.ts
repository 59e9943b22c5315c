import { DomainError } from "@goalpost/domain";
import { requireJiraEnabled } from "../jira-connections/access-connection.ts";
import { finishedWithin, REFRESH_ANSWER_WAIT_MS } from "../sync/answer-within.ts";
import { refreshMeasuredItem } from "../sync/refresh-measured-item.ts";
import { getKeyResult } from "./get-key-result.ts";
import { getObjective } from "./get-objective.ts";
import { accessKeyResult, accessObjective } from "./okr-access.ts";
import type { OkrDeps } from "./okr-deps.ts";
import type { KeyResultView, ObjectiveView } from "./okr-views.ts";

const NO_SOURCE = "It has no Jira data source to refresh: check in manually instead.";

/** Starts the re-read; true when it finished within the wait, false when it goes on in the background. */
async function refreshable(
  deps: OkrDeps,
  kind: "key_result" | "objective",
  id: string,
  userId: string,
): Promise<boolean> {
  const { row } =
    kind === "key_result"
      ? { row: (await accessKeyResult(deps.db, id, userId)).keyResult }
      : { row: (await accessObjective(deps.db, id, userId)).objective };
  if (!row.dataSource) throw new DomainError("conflict", NO_SOURCE, { reason: "no_data_source" });
  await requireJiraEnabled(deps.db, row.orgId);
  return finishedWithin(
    refreshMeasuredItem(deps, { kind, id }),
    deps.jira.refreshAnswerWaitMs ?? REFRESH_ANSWER_WAIT_MS,
    deps.logger,
  );
}

/** A refreshed item's view, and whether its re-read of Jira still goes on (the answer is then a 202). */
export interface Refreshed<View> {
  view: View;
  refreshing: boolean;
}

/**
 * Re-reads a Jira-linked key result's query now (any member of its org: it changes nothing but freshness) and
 * returns its new state. A failed read keeps the last good value and shows why in `state.stale`. When Jira
 * has not answered within the refresh wait, returns the current state with `refreshing` (the read goes on).
 */
export async function refreshKeyResult(
  deps: OkrDeps,
  input: { id: string; userId: string },
): Promise<Refreshed<KeyResultView>> {
  const finished = await refreshable(deps, "key_result", input.id, input.userId);
  return { view: await getKeyResult(deps.db, { ...input, now: deps.now() }), refreshing: !finished };
}

/** Likewise for an objective with its own data source. */
export async function refreshObjective(
  deps: OkrDeps,
  input: { id: string; userId: string },
): Promise<Refreshed<ObjectiveView>> {
  const finished = await refreshable(deps, "objective", input.id, input.userId);
  return { view: await getObjective(deps.db, { ...input, now: deps.now() }), refreshing: !finished };
}
