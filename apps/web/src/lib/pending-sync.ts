import type { KeyResult } from "../api/okr-types";

type Measured = Pick<KeyResult, "dataSource" | "state">;

/** A key result, or an objective (of the goals list or its own page) with its key results. */
type MeasuredWithKeyResults = Measured & { keyResults?: readonly Measured[] };

/** True for a Jira-linked item that has not been read from Jira yet (just created or re-pointed). */
export function isAwaitingSync(item: Measured): boolean {
  return item.dataSource !== null && item.state.syncedAt === null && item.state.stale === null;
}

/** True when a key result, or an objective or one of its key results, waits for its first sync. */
export function isItemAwaitingSync(item: MeasuredWithKeyResults): boolean {
  return isAwaitingSync(item) || (item.keyResults ?? []).some(isAwaitingSync);
}

/** True when any objective or key result in the list waits for its first sync. */
export function anyAwaitingSync(objectives: readonly MeasuredWithKeyResults[] | undefined): boolean {
  return (objectives ?? []).some(isItemAwaitingSync);
}

/** How often views poll while an item waits for its first sync, and for how many polls at most. */
export const SYNC_POLL_MS = 2000;
export const SYNC_POLL_LIMIT = 90;

/** When views re-read an item whose refresh was still reading Jira when it answered (202 "refreshing"). */
export const REFRESHING_REREAD_MS = [10_000, 30_000, 90_000] as const;

/**
 * After a refresh answered "still reading Jira", re-reads the views a few times over the next minute and a
 * half (the server's read goes on; Jira's timeouts and retries end well within that), so the new value shows
 * without a reload.
 */
export function rereadWhileRefreshing(item: Pick<Measured, "state">, reread: () => unknown): void {
  if (!item.state.refreshing) return;
  for (const delay of REFRESHING_REREAD_MS) setTimeout(() => void reread(), delay);
}
