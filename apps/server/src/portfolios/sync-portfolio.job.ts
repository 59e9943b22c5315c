import { z } from "zod";
import { defineJob } from "../jobs/define-job.ts";
import { syncPortfolio } from "./sync-portfolio.ts";

/**
 * Re-reads one portfolio's linked epics from Jira. A transient failure (rate limit, timeout, Jira down) is
 * recorded, then thrown so pg-boss retries with backoff; a refused token is recorded and not retried (the
 * configuration is unhealthy until edited).
 */
export const syncPortfolioJob = defineJob({
  name: "sync-portfolio",
  payload: z.object({ portfolioId: z.string().min(1) }).strict(),
  retry: { limit: 5, delaySeconds: 30, backoff: true, maxDelaySeconds: 1800 },
  timeoutSeconds: 600,
  async handler({ portfolioId }, context) {
    const outcome = await syncPortfolio(
      { ...context, jira: { ...context.jira, timeoutMs: 30_000, retry: { maxAttempts: 3 } } },
      portfolioId,
    );
    if (outcome.status === "failed") {
      context.logger.warn({ portfolioId, code: outcome.failure.code }, "sync-portfolio: Jira failed");
      if (outcome.failure.retry) throw new Error(`sync-portfolio ${portfolioId}: ${outcome.failure.code}`);
    }
  },
});
