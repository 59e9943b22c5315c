import { DomainError } from "@goalpost/domain";
import { requireJiraEnabled } from "../jira-connections/access-connection.ts";
import { refreshMeasuredItem } from "../sync/refresh-measured-item.ts";
import { getKeyResult } from "./get-key-result.ts";
import { getObjective } from "./get-objective.ts";
import { accessKeyResult, accessObjective } from "./okr-access.ts";
import type { OkrDeps } from "./okr-deps.ts";
import type { KeyResultView, ObjectiveView } from "./okr-views.ts";

const NO_SOURCE = "It has no Jira data source to refresh: check in manually instead.";

async function refreshable(deps: OkrDeps, kind: "key_result" | "objective", id: string, userId: string) {
  const { row } =
    kind === "key_result"
      ? { row: (await accessKeyResult(deps.db, id, userId)).keyResult }
      : { row: (await accessObjective(deps.db, id, userId)).objective };
  if (!row.dataSource) throw new DomainError("conflict", NO_SOURCE, { reason: "no_data_source" });
  await requireJiraEnabled(deps.db, row.orgId);
  await refreshMeasuredItem(deps, { kind, id });
}

/**
 * Re-reads a Jira-linked key result's query now (any member of its org: it changes nothing but freshness) and
 * returns its new state. A failed read keeps the last good value and shows why in `state.stale`.
 */
export async function refreshKeyResult(
  deps: OkrDeps,
  input: { id: string; userId: string },
): Promise<KeyResultView> {
  await refreshable(deps, "key_result", input.id, input.userId);
  return getKeyResult(deps.db, { ...input, now: deps.now() });
}

/** Likewise for an objective with its own data source. */
export async function refreshObjective(
  deps: OkrDeps,
  input: { id: string; userId: string },
): Promise<ObjectiveView> {
  await refreshable(deps, "objective", input.id, input.userId);
  return getObjective(deps.db, { ...input, now: deps.now() });
}
