import type { FastifyBaseLogger } from "fastify";
import { pino } from "pino";
import type { Config } from "../config/config.ts";
import { redactUrl } from "./redact-url.ts";

/** The logger type everything receives (pino satisfies it; so does Fastify's request logger). */
export type Logger = FastifyBaseLogger;

/**
 * Paths pino removes from every log line: credentials, cookies and tokens never reach the logs.
 * Request logs also carry only method, URL (query strings are stripped) and status.
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "password",
  "*.password",
  "token",
  "*.token",
  "apiToken",
  "*.apiToken",
  "personalAccessToken",
  "*.personalAccessToken",
  "err.params",
  "err.cause.params",
];

/** Creates the process logger (JSON lines; pretty in development). */
export function createLogger(
  config: Pick<Config, "logLevel" | "env">,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url ?? ""),
        remoteAddress: req.ip,
      }),
    },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    ...(config.env === "development" && !destination ? { transport: { target: "pino-pretty" } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
