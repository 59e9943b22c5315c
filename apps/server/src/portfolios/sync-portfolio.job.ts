import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";
import { syncPortfolio } from "./sync-portfolio.ts";

/**
 * Re-reads one portfolio's linked epics from Jira. Jira failures are recorded on the integration by the one
 * failure table and retried by the scheduler with the shared backoff (never sooner than Jira's Retry-After);
 * a refused token makes the integration unhealthy until edited. Only a database failure fails the job.
 */
export const syncPortfolioJob = defineJob({
  name: "sync-portfolio",
  payload: z.object({ portfolioId: z.string().min(1) }).strict(),
  retry: { limit: 5, delaySeconds: 30, backoff: true, maxDelaySeconds: 1800 },
  timeoutSeconds: 600,
  async handler({ portfolioId }, context) {
    const outcome = await syncPortfolio(context, portfolioId);
    if (outcome.status === "failed") {
      context.logger.warn({ portfolioId, code: outcome.failure.code }, "sync-portfolio: Jira failed");
    }
  },
});
