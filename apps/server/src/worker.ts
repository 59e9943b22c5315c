import { readConfigFromEnvironment } from "./config/read-environment.ts";
import { migrateDatabase } from "./db/migrate-database.ts";
import { openDatabase } from "./db/open-database.ts";
import { startJobQueue } from "./jobs/job-queue.ts";
import { allJobs } from "./jobs/job-registry.ts";
import { createLogger } from "./logging/logger.ts";
import { onShutdown } from "./process/on-shutdown.ts";
import { openTokenBox } from "./secrets/open-token-box.ts";

/**
 * `npm run worker`: a process that only runs background jobs, against PostgreSQL, so several processes
 * (servers with WORKERS=off, and workers) share one database and its job queue.
 */
const config = readConfigFromEnvironment();
const logger = createLogger(config);
if (config.database.kind !== "postgres") {
  process.stderr.write(
    "npm run worker needs DATABASE_URL: the embedded database serves one process, whose server runs the jobs itself (WORKERS=inline).\n",
  );
  process.exit(78);
}
const database = await openDatabase(config.database);
await migrateDatabase(database);
const queue = await startJobQueue(database, allJobs, logger);
const { box } = await openTokenBox(config);
await queue.startWorkers(allJobs, {
  db: database.db,
  box,
  jira: { allowHosts: config.jiraAllowHosts },
  logger,
  now: () => new Date(),
  syncIntervalMinutes: config.syncIntervalMinutes,
  changeProbe: config.changeProbe,
  queue,
});
logger.info(`Goalpost worker running ${allJobs.length} job type(s) on PostgreSQL`);
onShutdown(logger, async () => {
  await queue.stop();
  await database.close();
});
