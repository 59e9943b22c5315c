/** Parses the CLI's flags into `createJiraEmulator` options; refuses anything it cannot honour. */
import { parseArgs } from "node:util";
import type { AdminUserSpec } from "./admin/admin-api.ts";
import type { DatasetSpec } from "./datasets/index.ts";
import { type FaultConfig, validateFaults } from "./faults/fault-config.ts";

export const CLI_USAGE =
  "Usage: jira-emulator [--deployment cloud|data-center] [--port 4010] [--host 127.0.0.1] [--dataset demo|empty|generated] [--user email:token]… " +
  "[--seed S] [--issues N] [--latency MS] [--jitter MS] [--rate-limit N/s] [--error-500-rate P] " +
  "[--error-503-rate P] [--hang-rate P] [--reset-rate P] [--malformed-json-rate P] [--revoke email]… " +
  "[--expire-page-tokens] [--delete-project-on-next-page KEY] [--fault-path REGEX] " +
  "[--https | --tls-cert FILE --tls-key FILE] [--base-url URL] [--time-zone ZONE]";

/** What the CLI starts. */
export interface CliOptions {
  help: boolean;
  /** Cloud (REST v3, e-mail + API token) or Data Center (REST v2, `--user`'s token is the user's PAT). */
  deployment: "cloud" | "data-center";
  port: number;
  host: string;
  users: AdminUserSpec[];
  dataset: DatasetSpec;
  faults: Partial<FaultConfig> & Pick<FaultConfig, "latencyMs" | "jitterMs" | "rateLimitPerSecond">;
  /** HTTPS: a generated self-signed pair, PEM files, or none (plain HTTP). */
  tls: { kind: "none" } | { kind: "self-signed" } | { kind: "files"; certFile: string; keyFile: string };
  /** The site's base URL for `self` links and `serverInfo.baseUrl`, when not where it listens. */
  baseUrl: string | undefined;
  /** The server's default time zone (users' zone, in which JQL dates are read), when not UTC. */
  timeZone: string | undefined;
}

function timeZone(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone: text });
  } catch {
    throw new Error(`--time-zone expects an IANA time zone such as Europe/Berlin, got "${text}"`);
  }
  return text;
}

function tlsChoice(
  https: boolean,
  certFile: string | undefined,
  keyFile: string | undefined,
): CliOptions["tls"] {
  if (certFile !== undefined || keyFile !== undefined) {
    if (https)
      throw new Error("--https generates its own certificate: give it or --tls-cert/--tls-key, not both");
    if (certFile === undefined || keyFile === undefined)
      throw new Error("--tls-cert and --tls-key go together: give both PEM files");
    return { kind: "files", certFile, keyFile };
  }
  return https ? { kind: "self-signed" } : { kind: "none" };
}

function baseUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash)
    throw new Error(`--base-url expects an http(s) URL such as https://acme.atlassian.net, got "${text}"`);
  return url.href.replace(/\/+$/, "");
}

/** The default site admin when no `--user` is given. */
export const DEFAULT_ADMIN: AdminUserSpec = { email: "admin@example.com", token: "admin-token" };

function wholeNumber(flag: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`--${flag} expects a whole number from 0 to ${max}, got "${text}"`);
  }
  return value;
}

function rateLimit(text: string | undefined): number {
  if (text === undefined) return 0;
  const match = /^(\d+(?:\.\d+)?)(?:\/s)?$/.exec(text.trim());
  if (match?.[1] === undefined)
    throw new Error(`--rate-limit expects N/s (requests per second), got "${text}"`);
  return Number(match[1]);
}

function rate(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`--${flag} expects a probability from 0 to 1, got "${text}"`);
  }
  return value;
}

function user(spec: string): AdminUserSpec {
  const colon = spec.indexOf(":");
  if (colon < 1 || colon === spec.length - 1 || !spec.slice(0, colon).includes("@")) {
    throw new Error(`--user expects email:token, got "${spec}"`);
  }
  return { email: spec.slice(0, colon), token: spec.slice(colon + 1) };
}

function dataset(
  name: string | undefined,
  seed: string | undefined,
  issuesText: string | undefined,
): DatasetSpec {
  const issues = issuesText === undefined ? undefined : wholeNumber("issues", issuesText, 0, 200_000);
  const sized = seed !== undefined || issues !== undefined;
  const chosen = name ?? (sized ? "generated" : "demo");
  if (chosen === "generated") return { name: "generated", seed: seed ?? 1, issues: issues ?? 1000 };
  if (chosen === "demo") {
    return {
      name: "demo",
      ...(seed === undefined ? {} : { seed }),
      ...(issues === undefined ? {} : { issues }),
    };
  }
  if (chosen === "empty") {
    if (sized) throw new Error("--seed and --issues do not apply to --dataset empty");
    return { name: "empty" };
  }
  throw new Error(`--dataset expects demo, empty or generated, got "${chosen}"`);
}

function deployment(text: string | undefined): CliOptions["deployment"] {
  if (text === undefined || text === "cloud") return "cloud";
  if (text === "data-center") return "data-center";
  throw new Error(`--deployment expects cloud or data-center, got "${text}"`);
}

/** Parses `argv` (without node and the script). Throws with a readable message on a bad flag. */
export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      deployment: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      dataset: { type: "string" },
      user: { type: "string", multiple: true },
      seed: { type: "string" },
      issues: { type: "string" },
      latency: { type: "string" },
      jitter: { type: "string" },
      "rate-limit": { type: "string" },
      "error-500-rate": { type: "string" },
      "error-503-rate": { type: "string" },
      "hang-rate": { type: "string" },
      "reset-rate": { type: "string" },
      "malformed-json-rate": { type: "string" },
      revoke: { type: "string", multiple: true },
      "expire-page-tokens": { type: "boolean" },
      "delete-project-on-next-page": { type: "string" },
      "fault-path": { type: "string" },
      https: { type: "boolean" },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      "base-url": { type: "string" },
      "time-zone": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const users = (values.user ?? []).map(user);
  const requiredFaults = {
    latencyMs: wholeNumber("latency", values.latency, 0, 600_000),
    jitterMs: wholeNumber("jitter", values.jitter, 0, 600_000),
    rateLimitPerSecond: rateLimit(values["rate-limit"]),
  };
  return {
    help: values.help === true,
    deployment: deployment(values.deployment),
    port: wholeNumber("port", values.port, 4010, 65_535),
    host: values.host ?? "127.0.0.1",
    users: users.length > 0 ? users : [DEFAULT_ADMIN],
    dataset: dataset(values.dataset, values.seed, values.issues),
    faults: { ...optionalFaults(values), ...requiredFaults },
    tls: tlsChoice(values.https === true, values["tls-cert"], values["tls-key"]),
    baseUrl: baseUrl(values["base-url"]),
    timeZone: timeZone(values["time-zone"]),
  };
}

/** The fault flags that have no default: only those given end up in the configuration. */
function optionalFaults(values: {
  "error-500-rate"?: string;
  "error-503-rate"?: string;
  "hang-rate"?: string;
  "reset-rate"?: string;
  "malformed-json-rate"?: string;
  revoke?: string[];
  "expire-page-tokens"?: boolean;
  "delete-project-on-next-page"?: string;
  "fault-path"?: string;
}): Partial<FaultConfig> {
  const candidate: Record<string, unknown> = {
    error500Rate: rate("error-500-rate", values["error-500-rate"]),
    error503Rate: rate("error-503-rate", values["error-503-rate"]),
    hangRate: rate("hang-rate", values["hang-rate"]),
    resetRate: rate("reset-rate", values["reset-rate"]),
    malformedJsonRate: rate("malformed-json-rate", values["malformed-json-rate"]),
    revokedUsers: values.revoke,
    expirePageTokens: values["expire-page-tokens"],
    deleteProjectOnNextPage: values["delete-project-on-next-page"],
    pathPattern: values["fault-path"],
  };
  const given = Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined));
  try {
    return validateFaults(given);
  } catch (error) {
    throw new Error(`--fault-path: ${error instanceof Error ? error.message : String(error)}`);
  }
}
