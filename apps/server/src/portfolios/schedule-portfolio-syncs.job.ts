import { and, eq, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import { portfolioJiraConfigs } from "../db/schema/index.ts";
import { defineJob } from "../jobs/define-job.ts";
import { syncPortfolioJob } from "./sync-portfolio.job.ts";

/**
 * Every minute: claims the healthy portfolio configurations whose sync is due (moving their next due time one
 * interval ahead, so a portfolio is enqueued once per interval however many schedulers run) and enqueues a
 * `sync-portfolio` job for each.
 */
export const schedulePortfolioSyncsJob = defineJob({
  name: "schedule-portfolio-syncs",
  payload: z.object({}).strict(),
  retry: { limit: 2, delaySeconds: 30, backoff: false },
  timeoutSeconds: 120,
  schedule: { cron: "* * * * *", payload: {} },
  async handler(_payload, { db, queue, now, syncIntervalMinutes, logger }) {
    const at = now();
    const due = await db
      .update(portfolioJiraConfigs)
      .set({ nextSyncAt: new Date(at.getTime() + syncIntervalMinutes * 60_000) })
      .where(
        and(
          eq(portfolioJiraConfigs.healthy, true),
          or(isNull(portfolioJiraConfigs.nextSyncAt), lte(portfolioJiraConfigs.nextSyncAt, at)),
        ),
      )
      .returning({ portfolioId: portfolioJiraConfigs.portfolioId });
    for (const { portfolioId } of due) await queue.enqueue(syncPortfolioJob, { portfolioId });
    if (due.length > 0) logger.info({ portfolios: due.length }, "schedule-portfolio-syncs: enqueued");
  },
});
