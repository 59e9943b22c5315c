import { setTimeout as sleep } from "node:timers/promises";
import { REFRESH_WAIT_MS } from "./refresh-measured-item.ts";
import { type SyncRun, syncConnection } from "./sync-connection.ts";
import type { SyncDeps } from "./sync-deps.ts";

const POLL_MS = 200;

/**
 * A full sync of the connection now, for a person waiting on it (a portfolio's refresh): when another sync
 * holds the connection, waits for it (up to {@link REFRESH_WAIT_MS}) and then syncs. Jira failures are recorded
 * on the connection and what it feeds, as for a scheduled sync; the outcome says what happened.
 */
export async function refreshConnection(
  deps: SyncDeps & { syncLeaseMs?: number },
  connectionId: string,
): Promise<SyncRun> {
  const deadline = Date.now() + REFRESH_WAIT_MS;
  for (;;) {
    const run = await syncConnection(deps, { connectionId });
    if (run.outcome !== "busy" || Date.now() > deadline) return run;
    await sleep(POLL_MS);
  }
}
