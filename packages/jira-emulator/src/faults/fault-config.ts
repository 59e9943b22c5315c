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
