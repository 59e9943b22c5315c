import {
  computeStatus,
  expectedProgress,
  NO_DATA_MESSAGES,
  type NoDataReason,
  type ProgressStatus,
  rollupObjective,
} from "@goalpost/domain";
import type { StaleReason } from "../sync/stale-reason.ts";
import type { KeyResultRow, ObjectiveRow, PeriodRow } from "./okr.repo.ts";

export type { StaleReason } from "../sync/stale-reason.ts";

/** The state of a measured item as the API shows it. */
export interface ItemState {
  value: number | null;
  progress: number | null;
  expected: number;
  status: ProgressStatus;
  syncedAt: Date | null;
  stale: StaleReason | null;
  noDataReason: string | null;
  noDataMessage: string | null;
  issueCount: number | null;
  doneCount: number | null;
}

/** What state is computed against: the item's period, the clock, and whether the org's Jira integration is on. */
export interface StateContext {
  period: PeriodRow;
  now: Date;
  jiraEnabled: boolean;
}

const INTEGRATION_OFF: Omit<StaleReason, "since"> = {
  code: "jira_integration_disabled",
  message: "The Jira integration is switched off for this organisation: the last synced value is shown.",
};

const CONNECTION_DELETED: Omit<StaleReason, "since"> = {
  code: "jira_connection_deleted",
  message: "The Jira connection this reads from was deleted: edit the data source to choose another one.",
};

/** Expected progress and status of an item with `progress`, in its period, now. */
export function statusOf(
  progress: number | null,
  context: Pick<StateContext, "period" | "now">,
): { expected: number; status: ProgressStatus } {
  const period = { start: context.period.startsAt, end: context.period.endsAt };
  const expected = expectedProgress(period, context.now);
  return { expected, status: computeStatus({ progress, expected, now: context.now, period }) };
}

function noDataMessage(reason: string | null): string | null {
  if (reason === null) return null;
  return reason in NO_DATA_MESSAGES ? NO_DATA_MESSAGES[reason as NoDataReason] : reason;
}

/**
 * The state of a key result or of an objective with its own data source, from its row: the last good value,
 * expected progress and status now, and why it may be stale — a Jira-linked item of an org whose integration
 * is off is stale with `jira_integration_disabled` and keeps its values.
 */
export function measuredState(row: KeyResultRow | ObjectiveRow, context: StateContext): ItemState {
  let stale: StaleReason | null = null;
  if (row.dataSource && !context.jiraEnabled) stale = { ...INTEGRATION_OFF, since: null };
  else if (row.dataSource && row.connectionId === null) stale = { ...CONNECTION_DELETED, since: null };
  else if (row.staleCode) {
    stale = { code: row.staleCode, message: row.staleMessage ?? row.staleCode, since: row.staleSince };
  }
  return {
    value: row.value,
    progress: row.progress,
    ...statusOf(row.progress, context),
    syncedAt: row.syncedAt,
    stale,
    noDataReason: row.noDataReason,
    noDataMessage: noDataMessage(row.noDataReason),
    issueCount: row.issueCount,
    doneCount: row.doneCount,
  };
}

/**
 * The state of an objective that rolls up from its key results and the objectives aligned to it (`aligned`,
 * each with its own rolled-up progress): their weighted progress (those without data left out), its status,
 * and the latest sync among its key results. No value of its own.
 */
export function rolledUpState(
  keyResults: readonly { weight: number; state: ItemState }[],
  context: StateContext,
  aligned: readonly { weight: number; progress: number | null }[] = [],
): ItemState {
  const progress = rollupObjective([
    ...keyResults.map((kr) => ({ progress: kr.state.progress, weight: kr.weight })),
    ...aligned.map((child) => ({ progress: child.progress, weight: child.weight })),
  ]);
  const synced = keyResults.flatMap((kr) => (kr.state.syncedAt ? [kr.state.syncedAt.getTime()] : []));
  return {
    value: null,
    progress,
    ...statusOf(progress, context),
    syncedAt: synced.length > 0 ? new Date(Math.max(...synced)) : null,
    stale: null,
    noDataReason: null,
    noDataMessage: null,
    issueCount: null,
    doneCount: null,
  };
}
