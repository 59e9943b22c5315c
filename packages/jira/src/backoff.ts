/** Retry policy: exponential backoff with full jitter, honouring Jira's Retry-After. */
import type { JiraError } from "./jira-error.ts";

/** How transient failures are retried. */
export interface RetryPolicy {
  /** Total attempts including the first (1 = no retry). */
  maxAttempts: number;
  /** Backoff cap for attempt 0; doubles each attempt. */
  baseDelayMs: number;
  /** Upper bound of the exponential backoff. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for in-call: the error goes to the caller (who reschedules). */
  maxRetryAfterMs: number;
}

/** Defaults: 4 attempts, 250 ms doubling to 10 s, wait up to 30 s for Retry-After. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
};

/** Full-jitter exponential backoff: uniform in [0, min(maxDelayMs, baseDelayMs · 2^attempt)). */
export function backoffDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * cap);
}

/**
 * How long to wait before retrying after `error` on attempt `attempt` (0-based), or `undefined` for "do not retry":
 * non-transient kinds, attempts exhausted, or a Retry-After beyond `maxRetryAfterMs`. A Retry-After is a floor.
 */
export function retryDelayMs(
  error: JiraError,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (!error.transient) return undefined;
  if (attempt + 1 >= policy.maxAttempts) return undefined;
  const jitter = backoffDelayMs(attempt, policy, random);
  if (error.retryAfterSeconds === undefined) return jitter;
  const floor = error.retryAfterSeconds * 1000;
  if (floor > policy.maxRetryAfterMs) return undefined;
  return Math.max(floor, jitter);
}
