import type { Config } from "./config.ts";
import { configSchema } from "./config-schema.ts";

/** Raised when the environment cannot be turned into a valid {@link Config}; the message names each variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * Validates `env` into the typed configuration. The only function that reads environment variables;
 * everything else receives the returned object.
 * @example loadConfig({ PORT: "8080" }).port // 8080
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  const publicHost = raw.HOST === "0.0.0.0" || raw.HOST === "::" ? "127.0.0.1" : raw.HOST;
  const publicUrl = (raw.PUBLIC_URL ?? `http://${publicHost}:${raw.PORT}`).replace(/\/+$/, "");
  if (raw.DATABASE_URL && !raw.SECRETS_KEY) {
    throw new ConfigError(
      "Invalid configuration:\n  SECRETS_KEY: required with DATABASE_URL (a file path or a base64 key of 32 bytes)",
    );
  }
  return {
    env: raw.NODE_ENV,
    port: raw.PORT,
    host: raw.HOST,
    publicUrl,
    database: raw.DATABASE_URL
      ? { kind: "postgres", url: raw.DATABASE_URL }
      : { kind: "pglite", dataDir: raw.DATA_DIR },
    dataDir: raw.DATA_DIR,
    secretsKey: raw.SECRETS_KEY,
    secretsKeyPrevious: raw.SECRETS_KEY_PREVIOUS,
    jiraAllowHosts: raw.JIRA_ALLOW_HOSTS,
    syncIntervalMinutes: raw.SYNC_INTERVAL_MINUTES,
    changeProbe: raw.CHANGE_PROBE,
    workers: raw.WORKERS,
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.TRUST_PROXY,
    signInRateLimit: raw.SIGN_IN_RATE_LIMIT,
    allowSignup: raw.ALLOW_SIGNUP,
    smtp: raw.SMTP_URL ? { url: raw.SMTP_URL, from: raw.SMTP_FROM } : null,
    demoJiraPort: raw.DEMO_JIRA_PORT,
    demoJiraDeployment: raw.DEMO_JIRA_DEPLOYMENT,
    metricsToken: raw.METRICS_TOKEN,
  };
}
