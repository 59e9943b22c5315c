import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sessions, users } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import { analyzeStatisticsJob } from "./analyze-statistics.job.ts";
import { cleanupExpiredSessionsJob } from "./cleanup-expired-sessions.job.ts";
import { defineJob } from "./define-job.ts";

const pingJob = defineJob({
  name: "test-ping",
  payload: z.object({ n: z.number() }).strict(),
  retry: { limit: 0, delaySeconds: 1, backoff: false },
  timeoutSeconds: 30,
  async handler() {},
});

describe.each(TEST_ENGINES)("job queue on %s", (engine) => {
  let goalpost: Goalpost;
  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
    await goalpost.queue.boss.createQueue(pingJob.name);
  });
  afterAll(async () => goalpost?.close());

  const countQueued = async () => {
    const result = await goalpost.database.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = ${pingJob.name}`,
    );
    return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
  };

  it("commits a job enqueued inside a Drizzle transaction with it", async () => {
    const before = await countQueued();
    await goalpost.database.db.transaction(async (tx) => {
      await goalpost.queue.enqueue(pingJob, { n: 1 }, { tx });
    });
    expect(await countQueued()).toBe(before + 1);
  });

  it("rolls a job back with its transaction", async () => {
    const before = await countQueued();
    await expect(
      goalpost.database.db.transaction(async (tx) => {
        await goalpost.queue.enqueue(pingJob, { n: 2 }, { tx });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await countQueued()).toBe(before);
  });

  it("refuses a payload that does not match the job's schema", async () => {
    await expect(goalpost.queue.enqueue(pingJob, { n: "one" } as unknown as { n: number })).rejects.toThrow();
  });

  it("runs a job through the workers, and the session cleanup removes only expired sessions", async () => {
    const { db } = goalpost.database;
    const userId = randomUUID();
    await db.insert(users).values({ id: userId, name: "u", email: `${userId}@x.test` });
    const now = Date.now();
    await db.insert(sessions).values([
      { id: randomUUID(), token: randomUUID(), userId, expiresAt: new Date(now - 1000) },
      { id: randomUUID(), token: randomUUID(), userId, expiresAt: new Date(now + 3600_000) },
    ]);
    await goalpost.queue.startWorkers([cleanupExpiredSessionsJob as never], {
      ...goalpost.jobContext,
      logger: pino({ level: "silent" }),
    });
    await goalpost.queue.enqueue(cleanupExpiredSessionsJob, {});
    await expect
      .poll(async () => (await db.select().from(sessions)).filter((s) => s.userId === userId).length, {
        timeout: 20_000,
        interval: 250,
      })
      .toBe(1);
    const [left] = (await db.select().from(sessions)).filter((s) => s.userId === userId);
    expect(left?.expiresAt.getTime()).toBeGreaterThan(now);
  });

  it("schedules the cleanup job on its cron", async () => {
    const schedules = await goalpost.queue.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toContainEqual(["cleanup-expired-sessions", "17 * * * *"]);
    // Retired jobs (the portfolio sync scheduler, replaced by the connection sync) are not scheduled.
    expect(schedules.map((s) => s.name)).not.toContain("schedule-portfolio-syncs");
  });

  it("refreshes the planner's statistics (the embedded database has no autovacuum)", async () => {
    await analyzeStatisticsJob.handler(
      {},
      { ...goalpost.jobContext, logger: pino({ level: "silent" }) },
      { id: "t", retryCount: 0 },
    );
    const result = await goalpost.database.db.execute(
      sql`select last_analyze from pg_stat_user_tables where relname = 'key_results'`,
    );
    const [row] = (result as unknown as { rows: { last_analyze: unknown }[] }).rows;
    expect(row?.last_analyze).not.toBeNull();
  });
});
