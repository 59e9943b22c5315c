import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";
import { listProbeCandidates } from "./change-probe.repo.ts";
import { probeConnectionJob } from "./probe-connection.job.ts";

/** A webhook that delivered within this long counts as live: its connection needs no probe. */
export const LIVE_WEBHOOK_MS = 24 * 3600 * 1000;

/**
 * Every minute (unless `CHANGE_PROBE=off`): one probe per connection with Jira-linked items and no live
 * webhook, so a change shows in about a minute without any Jira admin setup.
 */
export const scheduleProbesJob = defineJob({
  name: "schedule-probes",
  payload: z.object({}),
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  timeoutSeconds: 60,
  schedule: { cron: "* * * * *", payload: {} },
  async handler(_payload, context) {
    if (!context.changeProbe) return;
    const now = context.now();
    const candidates = await listProbeCandidates(context.db, {
      now,
      webhookSince: new Date(now.getTime() - LIVE_WEBHOOK_MS),
    });
    for (const connectionId of candidates) await context.queue.enqueue(probeConnectionJob, { connectionId });
  },
});
