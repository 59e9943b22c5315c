import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { measuredTable } from "../measured/measured-item.repo.ts";
import type { MeasuredItemRef } from "../measured/measured-kind.ts";
import { type SyncRun, syncConnection } from "./sync-connection.ts";
import type { SyncDeps } from "./sync-deps.ts";

/** How long a refresh waits for another sync of the same connection to finish. */
export const REFRESH_WAIT_MS = 30_000;
const POLL_MS = 200;

/** Refreshes running in this process, per database, by connection and JQL: concurrent ones share one sync. */
const running = new WeakMap<Db, Map<string, Promise<SyncRun | null>>>();

/**
 * Re-reads a measured item's Jira query now and stores the result (or the reason it failed, keeping the
 * last good value) on the item. Concurrent refreshes of the same query coalesce into one sync; when another
 * process is syncing the connection, the refresh waits for it (up to {@link REFRESH_WAIT_MS}) and then
 * reads. The caller has already checked the item exists and may be refreshed, and reads its state
 * afterwards. Returns the sync's result, or null for an item without a Jira data source.
 */
export function refreshMeasuredItem(
  deps: SyncDeps & { syncLeaseMs?: number },
  item: MeasuredItemRef,
): Promise<SyncRun | null> {
  // Coalesced twice: per item at once (before any await), then per connection and JQL (items sharing a query).
  const perDb = running.get(deps.db) ?? new Map<string, Promise<SyncRun | null>>();
  running.set(deps.db, perDb);
  const itemKey = `${item.kind}:${item.id}`;
  const pending = perDb.get(itemKey);
  if (pending) return pending;
  const refresh = refreshQuery(deps, item, perDb).finally(() => perDb.delete(itemKey));
  perDb.set(itemKey, refresh);
  return refresh;
}

async function refreshQuery(
  deps: SyncDeps & { syncLeaseMs?: number },
  item: MeasuredItemRef,
  perDb: Map<string, Promise<SyncRun | null>>,
): Promise<SyncRun | null> {
  const table = measuredTable(item.kind);
  const [row] = await deps.db
    .select({ dataSource: table.dataSource })
    .from(table)
    .where(eq(table.id, item.id));
  const source = row?.dataSource;
  if (!source) return null;
  const queryKey = `query:${source.connectionId}\n${source.jql}`;
  const inFlight = perDb.get(queryKey);
  if (inFlight) return inFlight;
  const refresh = (async () => {
    const deadline = Date.now() + REFRESH_WAIT_MS;
    for (;;) {
      const run = await syncConnection(deps, { connectionId: source.connectionId, jql: source.jql });
      if (run.outcome !== "busy" || Date.now() > deadline) return run;
      await sleep(POLL_MS);
    }
  })().finally(() => perDb.delete(queryKey));
  perDb.set(queryKey, refresh);
  return refresh;
}
