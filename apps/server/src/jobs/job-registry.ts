import { cleanupWebhookDeliveriesJob } from "../live/cleanup-webhook-deliveries.job.ts";
import { liveSyncJob } from "../live/live-sync.job.ts";
import { probeConnectionJob } from "../live/probe-connection.job.ts";
import { scheduleProbesJob } from "../live/schedule-probes.job.ts";
import { scheduleSyncsJob } from "../sync/schedule-syncs.job.ts";
import { syncConnectionJob } from "../sync/sync-connection.job.ts";
import { syncQueryJob } from "../sync/sync-query.job.ts";
import { analyzeStatisticsJob } from "./analyze-statistics.job.ts";
import { cleanupExpiredSessionsJob } from "./cleanup-expired-sessions.job.ts";
import type { JobDefinition } from "./define-job.ts";

/** Erases a job's payload type for the registry (each job still parses its own payload). */
const registered = <Payload>(job: JobDefinition<Payload>) => job as unknown as JobDefinition<never>;

/** Every job the workers run. A job is registered by adding it here. */
export const allJobs: readonly JobDefinition<never>[] = [
  registered(cleanupExpiredSessionsJob),
  registered(analyzeStatisticsJob),
  registered(scheduleSyncsJob),
  registered(syncConnectionJob),
  registered(syncQueryJob),
  registered(liveSyncJob),
  registered(scheduleProbesJob),
  registered(probeConnectionJob),
  registered(cleanupWebhookDeliveriesJob),
];
