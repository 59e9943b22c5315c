import type { Config } from "./config.ts";
import { ConfigError, loadConfig } from "./load-config.ts";

/**
 * The process configuration from its environment (`defaults` stand in for variables that are unset;
 * `overrides`, from command-line flags, win over them). On a bad or missing value it prints which variable
 * and why, and exits: Goalpost does not boot on invalid configuration.
 */
export function readConfigFromEnvironment(
  defaults: Record<string, string> = {},
  overrides: Record<string, string> = {},
): Config {
  try {
    return loadConfig({ ...defaults, ...process.env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
      process.exit(78);
    }
    throw error;
  }
}

/** PostgreSQL server the integration tests also run against, when set (`TEST_DATABASE_URL`). */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}
