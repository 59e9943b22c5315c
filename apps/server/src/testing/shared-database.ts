import { randomBytes } from "node:crypto";
import type { Logger } from "../logging/logger.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { startTestGoalpost } from "./start-test-goalpost.ts";
import { createScratchDatabase } from "./test-database.ts";

/**
 * Several Goalpost processes' worth of instances (each its own pool, caches and app) on one scratch
 * PostgreSQL database with the same secrets key, as several servers behind a load balancer would run.
 */
export async function startGoalpostsOnOneDatabase(
  count: number,
  options: { now?: () => Date; logger?: Logger } = {},
): Promise<{ instances: Goalpost[]; close(): Promise<void> }> {
  const scratch = await createScratchDatabase();
  const env = { DATABASE_URL: scratch.url, SECRETS_KEY: randomBytes(32).toString("base64") };
  const instances: Goalpost[] = [];
  try {
    // One after the other: the first one migrates.
    for (let i = 0; i < count; i++) {
      instances.push(
        await startTestGoalpost("pglite", env, options.logger, options.now ? { now: options.now } : {}),
      );
    }
  } catch (error) {
    for (const instance of instances) await instance.close();
    await scratch.drop();
    throw error;
  }
  return {
    instances,
    async close() {
      for (const instance of instances) await instance.close();
      await scratch.drop();
    },
  };
}
