/** Fault injection settings, set from the CLI, the library options or `PUT /_emulator/faults`. */

/** All fault knobs; every rate is a probability in [0, 1]. */
export interface FaultConfig {
  /** Fixed latency added to every Jira request (ms). */
  latencyMs: number;
  /** Extra random latency in [0, jitterMs). */
  jitterMs: number;
  /** Requests per second allowed before Jira-style 429s (0 = unlimited). */
  rateLimitPerSecond: number;
  /** Probability of a 500. */
  error500Rate: number;
  /** Probability of a 503 (with Retry-After). */
  error503Rate: number;
  /** Probability a request never gets an answer. */
  hangRate: number;
  /** Probability the connection is reset (in-process `fetch` rejects like a reset socket). */
  resetRate: number;
  /** Probability a 200 JSON body is cut short (malformed JSON). */
  malformedJsonRate: number;
  /** Account ids or e-mails whose tokens are revoked: their requests get 401. */
  revokedUsers: string[];
  /** When true, every `nextPageToken` is rejected as expired. */
  expirePageTokens: boolean;
  /** Project key deleted as soon as a search asks for a next page (then cleared). */
  deleteProjectOnNextPage: string | null;
  /** Only paths matching this regular expression are affected by random faults (default: all Jira paths). */
  pathPattern: string | null;
}

/** No faults at all. */
export function defaultFaults(): FaultConfig {
  return {
    latencyMs: 0,
    jitterMs: 0,
    rateLimitPerSecond: 0,
    error500Rate: 0,
    error503Rate: 0,
    hangRate: 0,
    resetRate: 0,
    malformedJsonRate: 0,
    revokedUsers: [],
    expirePageTokens: false,
    deleteProjectOnNextPage: null,
    pathPattern: null,
  };
}

const RATES = ["error500Rate", "error503Rate", "hangRate", "resetRate", "malformedJsonRate"] as const;
const MILLIS = ["latencyMs", "jitterMs", "rateLimitPerSecond"] as const;

/** A fault setting that cannot be honoured. */
export class FaultConfigError extends Error {}

/**
 * Checks a partial fault configuration from outside (admin API body, CLI): known keys only, rates in [0, 1],
 * non-negative numbers, a valid `pathPattern`. Returns it typed; throws {@link FaultConfigError} otherwise.
 */
export function validateFaults(input: unknown): Partial<FaultConfig> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new FaultConfigError("Fault settings must be a JSON object.");
  }
  const known = new Set(Object.keys(defaultFaults()));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!known.has(key)) throw new FaultConfigError(`Unknown fault setting '${key}'.`);
    out[key] = value;
  }
  for (const key of [...RATES, ...MILLIS]) {
    const value = out[key];
    if (value === undefined) continue;
    const max = (RATES as readonly string[]).includes(key) ? 1 : Number.MAX_SAFE_INTEGER;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > max) {
      const range = max === 1 ? "a number from 0 to 1" : "a number of at least 0";
      throw new FaultConfigError(`'${key}' must be ${range}.`);
    }
  }
  const users = out.revokedUsers;
  if (users !== undefined && (!Array.isArray(users) || users.some((u) => typeof u !== "string"))) {
    throw new FaultConfigError("'revokedUsers' must be a list of e-mails or account ids.");
  }
  if (out.expirePageTokens !== undefined && typeof out.expirePageTokens !== "boolean") {
    throw new FaultConfigError("'expirePageTokens' must be true or false.");
  }
  for (const key of ["deleteProjectOnNextPage", "pathPattern"] as const) {
    const value = out[key];
    if (value !== undefined && value !== null && typeof value !== "string") {
      throw new FaultConfigError(`'${key}' must be a string or null.`);
    }
  }
  if (typeof out.pathPattern === "string") {
    try {
      new RegExp(out.pathPattern);
    } catch {
      throw new FaultConfigError(`'pathPattern' is not a valid regular expression: ${out.pathPattern}`);
    }
  }
  return out as Partial<FaultConfig>;
}
