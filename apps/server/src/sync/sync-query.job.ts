import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";

/** Reads one JQL of a connection now (an edited item); coalesced per connection and JQL. */
export const syncQueryJob = defineJob({
  name: "sync-query",
  payload: z.object({ connectionId: z.string(), jql: z.string() }),
  retry: { limit: 5, delaySeconds: 5, backoff: true, maxDelaySeconds: 300 },
  timeoutSeconds: 300,
  async handler() {
    throw new Error("sync engine not wired yet");
  },
});
