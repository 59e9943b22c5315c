import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { type Auth, createAuth } from "./auth/create-auth.ts";
import type { Config } from "./config/config.ts";
import type { Database } from "./db/database.ts";
import { isDatabaseReachable, migrateDatabase } from "./db/migrate-database.ts";
import { openDatabase } from "./db/open-database.ts";
import { buildApp } from "./http/build-app.ts";
import type { JiraAccess } from "./jira-connections/jira-access.ts";
import type { JobContext } from "./jobs/define-job.ts";
import { type JobQueue, startJobQueue } from "./jobs/job-queue.ts";
import { allJobs } from "./jobs/job-registry.ts";
import { syncStaleAtStart } from "./live/sync-stale-at-start.ts";
import type { Logger } from "./logging/logger.ts";
import { createSmtpMailer } from "./mail/mailer.ts";
import { deriveKey } from "./secrets/derive-key.ts";
import { openTokenBox } from "./secrets/open-token-box.ts";
import { resealSecrets } from "./secrets/reseal-secrets.ts";
import type { SecretBox } from "./secrets/secret-box.ts";

/** Where `npm run build:web` puts the single-page app. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

/** A running Goalpost: its parts, for the entry points and tests. */
export interface Goalpost {
  config: Config;
  database: Database;
  queue: JobQueue;
  auth: Auth;
  box: SecretBox;
  app: FastifyInstance;
  /** What job handlers get (tests run handlers directly with it). */
  jobContext: JobContext;
  close(): Promise<void>;
}

/**
 * The composition root: opens and migrates the database, resolves secrets, starts the job queue (and its
 * workers when `config.workers` is inline), and builds the HTTP app. Nothing listens yet.
 */
export async function startGoalpost(
  config: Config,
  options: {
    logger: Logger;
    serveWeb?: boolean;
    now?: () => Date;
    /** Tuning of interactive Jira calls (tests shorten the timeout); the allow-list always comes from config. */
    jira?: Omit<JiraAccess, "allowHosts">;
  },
): Promise<Goalpost> {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    const { box, master } = await openTokenBox(config);
    const resealed = await resealSecrets(database.db, box);
    if (resealed > 0) logger.info({ resealed }, "re-sealed secrets with the current SECRETS_KEY");
    const auth = createAuth({
      db: database.db,
      config,
      secret: deriveKey(master, "session-signing").toString("base64"),
      logger,
    });
    const queue = await startJobQueue(database, allJobs, logger);
    const jira = { ...options.jira, allowHosts: config.jiraAllowHosts };
    const syncDeps = {
      db: database.db,
      box,
      jira,
      logger,
      now,
      syncIntervalMinutes: config.syncIntervalMinutes,
    };
    const jobContext: JobContext = { ...syncDeps, queue, changeProbe: config.changeProbe };
    const madeDue = await syncStaleAtStart(database.db, now());
    if (madeDue > 0) logger.info({ connections: madeDue }, "Jira connections due at once after a start");
    if (config.workers === "inline") await queue.startWorkers(allJobs, jobContext);
    const app = await buildApp({
      db: database.db,
      auth,
      box,
      logger,
      now,
      publicUrl: config.publicUrl,
      allowSignup: config.allowSignup,
      trustProxy: config.trustProxy,
      jira,
      queue,
      mailer: config.smtp ? createSmtpMailer(config.smtp) : null,
      syncIntervalMinutes: config.syncIntervalMinutes,
      changeProbe: config.changeProbe,
      readinessChecks: { database: () => isDatabaseReachable(database), queue: () => queue.isReachable() },
      metricsToken: config.metricsToken,
      ...(options.serveWeb ? { webDist: WEB_DIST } : {}),
    });
    return {
      config,
      database,
      queue,
      auth,
      box,
      app,
      jobContext,
      async close() {
        await app.close();
        await queue.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
