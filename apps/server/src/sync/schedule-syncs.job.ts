import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";
import { syncConnectionJob } from "./sync-connection.job.ts";
import { listDueConnections } from "./sync-state.repo.ts";

/**
 * Every minute: one sync job per connection that is due (its interval has passed, or its backoff after a
 * failure). Connections already queued coalesce, so a slow sync is never doubled.
 */
export const scheduleSyncsJob = defineJob({
  name: "schedule-syncs",
  payload: z.object({}),
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  timeoutSeconds: 60,
  schedule: { cron: "* * * * *", payload: {} },
  async handler(_payload, context) {
    const due = await listDueConnections(context.db, context.now());
    for (const connectionId of due) await context.queue.enqueue(syncConnectionJob, { connectionId });
  },
});
