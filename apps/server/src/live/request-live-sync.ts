import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { jiraSyncStates } from "../db/schema/index.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { liveSyncJob } from "./live-sync.job.ts";
import { DELIVERY_RATE_WINDOW_SECONDS, liveSyncDelaySeconds } from "./live-sync-delay.ts";
import { countAcceptedSince } from "./webhook.repo.ts";

/**
 * Asks for a live re-sync of `connectionId`, after the delay {@link liveSyncDelaySeconds} gives for the
 * connection's recent deliveries; requests while one is waiting coalesce into it.
 */
export async function requestLiveSync(
  deps: { db: Db; queue: JobQueue; now(): Date },
  connectionId: string,
): Promise<void> {
  const now = deps.now();
  // A re-sync this process queued has not started yet: it will read Jira after this change anyway.
  if ((queuedUntil.get(connectionId) ?? 0) > now.getTime()) return;
  const [state] = await deps.db
    .select({ lastAttemptAt: jiraSyncStates.lastAttemptAt })
    .from(jiraSyncStates)
    .where(eq(jiraSyncStates.connectionId, connectionId));
  const recentDeliveries = await countAcceptedSince(
    deps.db,
    connectionId,
    new Date(now.getTime() - DELIVERY_RATE_WINDOW_SECONDS * 1000),
  );
  const delaySeconds = liveSyncDelaySeconds({
    recentDeliveries,
    lastAttemptAt: state?.lastAttemptAt ?? null,
    now,
  });
  const queued = await deps.queue.enqueue(liveSyncJob, { connectionId }, { delaySeconds });
  if (queued !== null) {
    if (queuedUntil.size > 10_000) queuedUntil.clear();
    queuedUntil.set(connectionId, now.getTime() + delaySeconds * 1000);
  }
}

/** Per connection, until when a live re-sync this process queued is known to be waiting (never started). */
const queuedUntil = new Map<string, number>();
