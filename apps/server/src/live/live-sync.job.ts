import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";
import { pendingChangeSpan } from "../sync/pending-changes.repo.ts";
import { SyncBusyError } from "../sync/sync-busy-error.ts";
import { liveSyncWaitSeconds } from "./live-sync-delay.ts";
import { syncLiveChanges } from "./sync-live-changes.ts";

/**
 * A re-sync of one connection because Jira told us (a webhook delivery) or the change probe saw that
 * something changed: of the queries the changed issues can affect (see {@link syncLiveChanges}), once Jira
 * has been quiet for a second (it defers itself while changes keep coming, at most a minute: see
 * live-sync-delay.ts). `stately` per connection: while one is waiting, further requests coalesce into it, so
 * a burst of deliveries costs one sync; it waits for a sync already running (busy → retried).
 */
export const liveSyncJob = defineJob({
  name: "live-sync",
  payload: z.object({ connectionId: z.string().min(1) }),
  policy: "stately",
  singletonKey: (payload) => payload.connectionId,
  heartbeatSeconds: 10,
  work: { concurrency: 4, pollingIntervalSeconds: 0.5 },
  retry: { limit: 10, delaySeconds: 1, backoff: true, maxDelaySeconds: 30 },
  timeoutSeconds: 15 * 60,
  async handler(payload, context, job) {
    // While Jira keeps reporting changes (a burst), wait for it to go quiet — at most a minute.
    const wait = liveSyncWaitSeconds({
      ...(await pendingChangeSpan(context.db, payload.connectionId)),
      now: context.now(),
    });
    if (wait > 0) {
      await context.queue.enqueue(liveSyncJob, payload, { delaySeconds: wait });
      return;
    }
    const run = await syncLiveChanges(context, {
      connectionId: payload.connectionId,
      leaseOwner: `job:${job.id}`,
    });
    if (run.outcome === "busy") throw new SyncBusyError(payload.connectionId);
    context.logger.info(
      { connectionId: payload.connectionId, ...run, failure: run.failure?.code },
      "Jira live sync",
    );
  },
});
