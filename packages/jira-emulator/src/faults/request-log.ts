/** The request log tests read: one entry per request the emulator answered (or dropped). */

/** One logged request. */
export interface RequestLogEntry {
  method: string;
  path: string;
  /** Query string without the leading `?`. */
  query: string;
  /** HTTP status, or 0 when the connection was reset or the request hung. */
  status: number;
  /** Response body size in bytes. */
  bytes: number;
  durationMs: number;
  /** Fault applied, if any (`latency`, `rate-limit`, `500`, `503`, `hang`, `reset`, `malformed-json`, `revoked`). */
  fault?: string;
  /** Account id of the caller, if authenticated. */
  accountId?: string;
  /** Set when the route is one the emulator does not serve (answered as Jira answers an unknown path). */
  notEmulated?: true;
  at: string;
}

/** Keeps the log bounded. */
export const MAX_LOG_ENTRIES = 10_000;
