import { type SQL, sql } from "drizzle-orm";
import type { DrizzleTransactionLike } from "pg-boss";
import { fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import type { Database, Tx } from "../db/database.ts";
import type { Logger } from "../logging/logger.ts";
import type { JobContext, JobDefinition } from "./define-job.ts";
import { createErrorLogThrottle } from "./error-log-throttle.ts";
import { recordJobOutcome } from "./job-metrics.ts";

/** The queue of background work, on the application's own database (pg-boss). */
export interface JobQueue {
  /**
   * Enqueues a job; inside `tx` it commits or rolls back with that transaction. Returns the job id, or null
   * when the job's queue policy coalesced it into one already waiting.
   */
  enqueue<Payload>(
    job: JobDefinition<Payload>,
    payload: Payload,
    options?: { tx?: Tx; delaySeconds?: number },
  ): Promise<string | null>;
  /** Starts consuming jobs in this process (and owns the cron schedules). */
  startWorkers(jobs: readonly JobDefinition<never>[], context: JobContext): Promise<void>;
  /** Whether the queue's tables answer. */
  isReachable(): Promise<boolean>;
  stop(): Promise<void>;
  readonly boss: PgBoss;
}

/**
 * How often pg-boss looks for jobs whose worker died (heartbeat lost) or ran out of time, so they are
 * retried: every 10 s rather than its default minute, for quick recovery of a killed worker's sync.
 */
const SUPERVISION = { superviseIntervalSeconds: 10, monitorIntervalSeconds: 10 } as const;

/**
 * Scheduled jobs that no longer exist: unscheduled when workers start, so databases of an earlier version stop
 * queuing them (`schedule-portfolio-syncs`: portfolio epics are synced by their connection's sync since migration 0011).
 */
export const RETIRED_SCHEDULES: readonly string[] = ["schedule-portfolio-syncs"];

/** Creates pg-boss on `database`, installs its schema and creates the queues of `jobs`. */
export async function startJobQueue(
  database: Database,
  jobs: readonly JobDefinition<never>[],
  logger: Logger,
): Promise<JobQueue> {
  const boss =
    database.kind === "pglite"
      ? new PgBoss({ db: fromPglite(database.client), backend: "pglite", schema: "pgboss", ...SUPERVISION })
      : new PgBoss({ connectionString: database.url, schema: "pgboss", max: 5, ...SUPERVISION });
  // While the database is down every poll fails (~20 a second): log with backoff, counting what was left out.
  const shouldLog = createErrorLogThrottle({ now: Date.now });
  boss.on("error", (error: unknown) => {
    const { log, suppressed } = shouldLog();
    if (log) logger.error({ err: error, suppressedSinceLastLine: suppressed }, "job queue error");
  });
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      retryLimit: job.retry.limit,
      retryDelay: job.retry.delaySeconds,
      retryBackoff: job.retry.backoff,
      ...(job.retry.maxDelaySeconds ? { retryDelayMax: job.retry.maxDelaySeconds } : {}),
      expireInSeconds: job.timeoutSeconds,
      ...(job.policy ? { policy: job.policy } : {}),
      ...(job.heartbeatSeconds ? { heartbeatSeconds: job.heartbeatSeconds } : {}),
    });
  }

  return {
    boss,
    async enqueue(job, payload, options) {
      const data = job.payload.parse(payload) as object;
      const singleton = job.singletonKey ? { singletonKey: job.singletonKey(payload) } : {};
      const delay = options?.delaySeconds ? { startAfter: options.delaySeconds } : {};
      if (options?.tx)
        return boss.send(job.name, data, {
          ...singleton,
          ...delay,
          db: fromDrizzle(asDrizzleTransaction(options.tx), sql),
        });
      return boss.send(job.name, data, { ...singleton, ...delay });
    },
    async startWorkers(workerJobs, context) {
      for (const job of workerJobs) {
        const workOptions = job.work
          ? {
              localConcurrency: job.work.concurrency,
              pollingIntervalSeconds: job.work.pollingIntervalSeconds,
            }
          : {};
        await boss.work<unknown>(job.name, workOptions, async ([received]) => {
          if (!received) return;
          const started = performance.now();
          try {
            const payload = job.payload.parse(received.data);
            await job.handler(payload, context, { id: received.id, retryCount: received.retryCount });
            recordJobOutcome(job.name, "completed", performance.now() - started);
          } catch (error) {
            recordJobOutcome(job.name, "failed", performance.now() - started);
            logger.warn({ err: error, job: job.name, attempt: received.retryCount }, "job failed");
            throw error;
          }
        });
        if (job.schedule) await boss.schedule(job.name, job.schedule.cron, job.schedule.payload as object);
      }
      // Schedules of retired jobs would keep queuing work nobody takes.
      for (const name of RETIRED_SCHEDULES) await boss.unschedule(name);
    },
    async isReachable() {
      try {
        await boss.getQueue(jobs[0]?.name ?? "none");
        return true;
      } catch {
        return false;
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, close: database.kind === "postgres" });
    },
  };
}

/** Both engines' `execute` resolve to an object with `rows`; pg-boss only needs that. */
function asDrizzleTransaction(tx: Tx): DrizzleTransactionLike {
  return { execute: (query) => tx.execute(query as SQL) as ReturnType<DrizzleTransactionLike["execute"]> };
}
