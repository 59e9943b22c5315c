import { schedulePortfolioSyncsJob } from "../portfolios/schedule-portfolio-syncs.job.ts";
import { syncPortfolioJob } from "../portfolios/sync-portfolio.job.ts";
import { cleanupExpiredSessionsJob } from "./cleanup-expired-sessions.job.ts";
import type { JobDefinition } from "./define-job.ts";

/** Every job the workers run. A job is registered by adding it here. */
export const allJobs: readonly JobDefinition<never>[] = [
  cleanupExpiredSessionsJob as JobDefinition<never>,
  syncPortfolioJob as JobDefinition<never>,
  schedulePortfolioSyncsJob as JobDefinition<never>,
];
