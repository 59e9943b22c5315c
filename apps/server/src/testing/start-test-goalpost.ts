import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { loadConfig } from "../config/load-config.ts";
import type { JiraAccess } from "../jira-connections/jira-access.ts";
import type { Logger } from "../logging/logger.ts";
import { type Goalpost, startGoalpost } from "../start-goalpost.ts";
import { createScratchDatabase } from "./test-database.ts";

export const TEST_PUBLIC_URL = "http://goalpost.test";

/**
 * A whole Goalpost (database migrated, queue, auth, HTTP app) for integration tests, on in-memory PGlite or
 * a scratch PostgreSQL database. Call `app.inject` for requests; `close` disposes of everything.
 */
export async function startTestGoalpost(
  engine: "pglite" | "postgres",
  env: Record<string, string> = {},
  logger?: Logger,
  options: { jira?: Omit<JiraAccess, "allowHosts">; now?: () => Date } = {},
): Promise<Goalpost> {
  const scratch = engine === "postgres" ? await createScratchDatabase() : null;
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: ":memory:",
    PUBLIC_URL: TEST_PUBLIC_URL,
    SECRETS_KEY: randomBytes(32).toString("base64"),
    WORKERS: "off",
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...env,
  });
  const goalpost = await startGoalpost(config, {
    logger: logger ?? pino({ level: config.logLevel === "info" ? "silent" : config.logLevel }),
    ...options,
  });
  return {
    ...goalpost,
    async close() {
      await goalpost.close();
      await scratch?.drop();
    },
  };
}
