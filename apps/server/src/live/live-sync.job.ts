import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";
import { SyncBusyError } from "../sync/sync-busy-error.ts";
import { syncLiveChanges } from "./sync-live-changes.ts";

/**
 * A re-sync of one connection because Jira told us (a webhook delivery) or the change probe saw that
 * something changed: of the queries the changed issues can affect (see {@link syncLiveChanges}). `stately`
 * per connection: while one is waiting, further requests coalesce into it, so a burst of deliveries costs one
 * or two syncs; it waits for a sync already running (busy → retried).
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
