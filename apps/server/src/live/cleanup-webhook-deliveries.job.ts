import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";
import { deleteDeliveriesBefore } from "./webhook.repo.ts";

/** Deliveries are kept a week: enough for the 24-hour health and Jira's retries (hours at most). */
const DELIVERY_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** Hourly: forgets webhook deliveries older than a week. */
export const cleanupWebhookDeliveriesJob = defineJob({
  name: "cleanup-webhook-deliveries",
  payload: z.object({}).strict(),
  retry: { limit: 3, delaySeconds: 60, backoff: true, maxDelaySeconds: 900 },
  timeoutSeconds: 300,
  schedule: { cron: "41 * * * *", payload: {} },
  async handler(_payload, { db, logger, now }) {
    const deleted = await deleteDeliveriesBefore(db, new Date(now().getTime() - DELIVERY_RETENTION_MS));
    if (deleted > 0) logger.info({ deleted }, "forgot old webhook deliveries");
  },
});
