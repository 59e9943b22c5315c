import { readConfigFromEnvironment } from "./config/read-environment.ts";
import { DataDirLockedError } from "./db/data-dir-lock.ts";
import { createLogger } from "./logging/logger.ts";
import { onShutdown } from "./process/on-shutdown.ts";
import { startGoalpost } from "./start-goalpost.ts";

const config = readConfigFromEnvironment();
const logger = createLogger(config);

try {
  const goalpost = await startGoalpost(config, { logger, serveWeb: true });
  await goalpost.app.listen({ port: config.port, host: config.host });
  const where =
    config.database.kind === "pglite" ? `embedded database in ${config.database.dataDir}` : "PostgreSQL";
  logger.info(`Goalpost is running at ${config.publicUrl} (${where}, workers ${config.workers})`);
  onShutdown(logger, () => goalpost.close());
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
