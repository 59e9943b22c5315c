import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";
import { probeChanges } from "./probe-changes.ts";
import { requestLiveSync } from "./request-live-sync.ts";

/** One connection's change probe (one Jira request); a change found asks for a live re-sync. */
export const probeConnectionJob = defineJob({
  name: "probe-connection",
  payload: z.object({ connectionId: z.string().min(1) }),
  policy: "stately",
  singletonKey: (payload) => payload.connectionId,
  work: { concurrency: 4, pollingIntervalSeconds: 0.5 },
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  timeoutSeconds: 60,
  async handler(payload, context) {
    const probe = await probeChanges(context, payload.connectionId);
    if (probe.changed) await requestLiveSync(context, payload.connectionId);
  },
});
