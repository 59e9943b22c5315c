import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const hostList = z.string().transform((value) =>
  value
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host.length > 0),
);

/**
 * Every environment variable Goalpost reads, with its default. `.env.example` and the README table list
 * the same variables; `config-schema.test.ts` keeps the three in step.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url({ message: "must be an absolute http(s) URL" }).optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
    .optional(),
  SECRETS_KEY: z.string().min(1).optional(),
  SECRETS_KEY_PREVIOUS: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((key) => key.trim())
        .filter((key) => key.length > 0),
    )
    .default([]),
  JIRA_ALLOW_HOSTS: hostList.default([]),
  SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  CHANGE_PROBE: booleanString.default(true),
  WORKERS: z.enum(["inline", "off"]).default("inline"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: booleanString.default(false),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  ALLOW_SIGNUP: booleanString.default(true),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL (user and password in it if needed)")
    .optional(),
  SMTP_FROM: z.string().min(3).default("Goalpost <goalpost@localhost>"),
  DEMO_JIRA_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  DEMO_JIRA_DEPLOYMENT: z.enum(["cloud", "data-center"]).default("cloud"),
  METRICS_TOKEN: z.string().min(16, "at least 16 characters").max(500).optional(),
});

export type RawConfig = z.infer<typeof configSchema>;
