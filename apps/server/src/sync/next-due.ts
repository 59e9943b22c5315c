/** Shortest wait before retrying a failed connection. */
export const FIRST_RETRY_MS = 60_000;

/**
 * When a connection is next due after a successful sync that started at `startedAt`: one interval later,
 * less a minute so the once-a-minute scheduler re-reads it within the interval.
 * @example nextDueAfterSuccess(new Date(0), 60) // 1970-01-01T00:59:00Z
 */
export function nextDueAfterSuccess(startedAt: Date, intervalMinutes: number): Date {
  const intervalMs = intervalMinutes * 60_000;
  return new Date(startedAt.getTime() + Math.max(FIRST_RETRY_MS, intervalMs - 60_000));
}

/**
 * When a connection that failed `failureCount` times in a row (≥ 1) is retried: 1, 2, 4, 8… minutes,
 * never later than the sync interval, never sooner than Jira's Retry-After.
 * @example nextDueAfterFailure(new Date(0), 3, 60) // 4 minutes later
 */
export function nextDueAfterFailure(
  now: Date,
  failureCount: number,
  intervalMinutes: number,
  retryAfterSeconds?: number,
): Date {
  const backoff = FIRST_RETRY_MS * 2 ** Math.min(Math.max(failureCount - 1, 0), 20);
  const capped = Math.min(backoff, Math.max(FIRST_RETRY_MS, intervalMinutes * 60_000));
  return new Date(now.getTime() + Math.max(capped, (retryAfterSeconds ?? 0) * 1000));
}
