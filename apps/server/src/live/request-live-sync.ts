import type { JobQueue } from "../jobs/job-queue.ts";
import { liveSyncJob } from "./live-sync.job.ts";
import { LIVE_SYNC_QUIET_SECONDS } from "./live-sync-delay.ts";

/**
 * Asks for a live re-sync of `connectionId` (after the changes Jira reported were recorded): it starts once
 * Jira has been quiet for a second, or defers itself while changes keep coming (see live-sync.job.ts).
 * Requests while one is waiting coalesce into it.
 */
export async function requestLiveSync(
  deps: { queue: JobQueue; now(): Date },
  connectionId: string,
): Promise<void> {
  const now = deps.now().getTime();
  // A re-sync this process queued has not started yet: it will read this change anyway.
  if ((queuedUntil.get(connectionId) ?? 0) > now) return;
  const queued = await deps.queue.enqueue(
    liveSyncJob,
    { connectionId },
    { delaySeconds: LIVE_SYNC_QUIET_SECONDS },
  );
  if (queued !== null) {
    if (queuedUntil.size > 10_000) queuedUntil.clear();
    queuedUntil.set(connectionId, now + LIVE_SYNC_QUIET_SECONDS * 1000);
  }
}

/** Per connection, until when a live re-sync this process queued is known to be waiting (never started). */
const queuedUntil = new Map<string, number>();
