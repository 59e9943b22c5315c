import { randomBytes } from "node:crypto";
import { type Goalpost, loadConfig, startGoalpost } from "@goalpost/server";
import { pino } from "pino";
import { freePort } from "./free-port.ts";

/**
 * Goalpost as a user meets it: the production web build served by the real server on a free port, on an
 * in-memory embedded database, workers inline. `env` adds settings (e.g. `JIRA_ALLOW_HOSTS` for an emulator).
 */
export async function startAppServer(
  env: Record<string, string> = {},
): Promise<{ url: string; goalpost: Goalpost; close(): Promise<void> }> {
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: ":memory:",
    SECRETS_KEY: randomBytes(32).toString("base64"),
    ...env,
  });
  const goalpost = await startGoalpost(config, { logger: pino({ level: "warn" }), serveWeb: true });
  await goalpost.app.listen({ port, host: "127.0.0.1" });
  return { url: config.publicUrl, goalpost, close: () => goalpost.close() };
}
