import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";
import { SyncBusyError } from "./sync-busy-error.ts";
import { syncConnection } from "./sync-connection.ts";

/**
 * The scheduled full sync of one connection. One active and one waiting per connection (`stately`), so
 * requests coalesce; a killed worker's job is retried once its heartbeat stops. Jira failures are recorded
 * on the connection (and retried by the scheduler with backoff), so only a busy connection or a database
 * failure makes the job itself fail and retry.
 */
export const syncConnectionJob = defineJob({
  name: "sync-connection",
  payload: z.object({ connectionId: z.string().min(1) }),
  policy: "stately",
  singletonKey: (payload) => payload.connectionId,
  heartbeatSeconds: 10,
  // Several connections' syncs at once per process (each site's own limiter still caps its requests).
  work: { concurrency: 4, pollingIntervalSeconds: 0.5 },
  retry: { limit: 8, delaySeconds: 5, backoff: true, maxDelaySeconds: 120 },
  timeoutSeconds: 15 * 60,
  async handler(payload, context, job) {
    const run = await syncConnection(context, {
      connectionId: payload.connectionId,
      leaseOwner: `job:${job.id}`,
    });
    if (run.outcome === "busy") throw new SyncBusyError(payload.connectionId);
    context.logger.info(
      { connectionId: payload.connectionId, ...run, failure: run.failure?.code },
      "Jira sync",
    );
  },
});
