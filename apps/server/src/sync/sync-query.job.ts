import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";
import { jqlHash } from "./jira-query.repo.ts";
import { SyncBusyError } from "./sync-busy-error.ts";
import { syncConnection } from "./sync-connection.ts";

/** Reads one JQL of a connection now (an item was created or edited); coalesced per connection and JQL. */
export const syncQueryJob = defineJob({
  name: "sync-query",
  payload: z.object({ connectionId: z.string().min(1), jql: z.string().min(1) }),
  policy: "stately",
  singletonKey: (payload) => `${payload.connectionId}:${jqlHash(payload.jql)}`,
  heartbeatSeconds: 10,
  // Several connections' syncs at once per process (each site's own limiter still caps its requests).
  work: { concurrency: 4, pollingIntervalSeconds: 0.5 },
  retry: { limit: 8, delaySeconds: 3, backoff: true, maxDelaySeconds: 120 },
  timeoutSeconds: 5 * 60,
  async handler(payload, context, job) {
    const run = await syncConnection(context, { ...payload, leaseOwner: `job:${job.id}` });
    if (run.outcome === "busy") throw new SyncBusyError(payload.connectionId);
  },
});
