import { readConfigFromEnvironment } from "../config/read-environment.ts";
import { DataDirLockedError } from "../db/data-dir-lock.ts";
import { createLogger } from "../logging/logger.ts";
import { onShutdown } from "../process/on-shutdown.ts";
import { startGoalpost } from "../start-goalpost.ts";
import { DEMO_LOGIN, DEMO_ORG_NAME, seedDemoOrg } from "./demo-org.ts";

/**
 * `npm run demo`: Goalpost on embedded defaults (its own data folder, `./data/demo` unless DATA_DIR says
 * otherwise) with a demo organisation and login, printed on start.
 */
const config = readConfigFromEnvironment({ DATA_DIR: "./data/demo" });
const logger = createLogger({ ...config, logLevel: config.logLevel === "info" ? "warn" : config.logLevel });

try {
  const goalpost = await startGoalpost(config, { logger, serveWeb: true });
  await seedDemoOrg({ db: goalpost.database.db, auth: goalpost.auth });
  await goalpost.app.listen({ port: config.port, host: config.host });
  process.stdout.write(
    [
      "",
      "  Goalpost demo is running",
      `  URL:       ${config.publicUrl}`,
      `  Sign in:   ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}   (organisation "${DEMO_ORG_NAME}")`,
      `  Data:      ${config.database.kind === "pglite" ? config.database.dataDir : "PostgreSQL"}`,
      "  Stop with Ctrl-C.",
      "",
    ].join("\n"),
  );
  onShutdown(logger, () => goalpost.close());
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
