import { cleanupExpiredSessionsJob } from "./cleanup-expired-sessions.job.ts";
import type { JobDefinition } from "./define-job.ts";

/** Every job the workers run. A job is registered by adding it here. */
export const allJobs: readonly JobDefinition<never>[] = [cleanupExpiredSessionsJob as JobDefinition<never>];
