import type { KeyResult, Objective } from "../api/okr-types";

type Measured = Pick<KeyResult, "dataSource" | "state">;

/** True for a Jira-linked item that has not been read from Jira yet (just created or re-pointed). */
export function isAwaitingSync(item: Measured): boolean {
  return item.dataSource !== null && item.state.syncedAt === null && item.state.stale === null;
}

/** True when any objective or key result in the list waits for its first sync. */
export function anyAwaitingSync(objectives: readonly Objective[] | undefined): boolean {
  return (objectives ?? []).some(
    (objective) => isAwaitingSync(objective) || objective.keyResults.some(isAwaitingSync),
  );
}

/** How often views poll while an item waits for its first sync, and for how many polls at most. */
export const SYNC_POLL_MS = 2000;
export const SYNC_POLL_LIMIT = 90;
