import { sql } from "drizzle-orm";
import { z } from "zod";
import { defineJob } from "./define-job.ts";

/**
 * Hourly: refreshes the planner's table statistics. The embedded database (PGlite) has no autovacuum, so
 * without this its statistics stay those of an empty database and plans degrade as data grows; on
 * PostgreSQL it only repeats what autovacuum does, cheaply (ANALYZE samples).
 */
export const analyzeStatisticsJob = defineJob({
  name: "analyze-statistics",
  payload: z.object({}).strict(),
  retry: { limit: 1, delaySeconds: 300, backoff: false },
  timeoutSeconds: 600,
  schedule: { cron: "41 * * * *", payload: {} },
  async handler(_payload, { db, logger }) {
    const started = performance.now();
    await db.execute(sql`analyze`);
    logger.info({ ms: Math.round(performance.now() - started) }, "table statistics refreshed");
  },
});
