import type { MeasuredItemRef } from "./measured-item.ts";
import type { SyncDeps } from "./sync-deps.ts";

/**
 * Re-reads a measured item's Jira query now and stores the result (or the reason it failed, keeping the
 * last good value) on the item. Concurrent refreshes of the same query coalesce. The caller has already
 * checked the item exists and may be refreshed, and reads the item's state afterwards.
 */
export async function refreshMeasuredItem(_deps: SyncDeps, _item: MeasuredItemRef): Promise<void> {
  throw new Error("sync engine not wired yet");
}
