import { describe, expect, it } from "vitest";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from "./backoff.ts";
import { JiraError, type JiraErrorKind } from "./jira-error.ts";

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
const max = () => 0.999999;
const err = (kind: JiraErrorKind, retryAfterSeconds?: number) =>
  new JiraError(kind, kind, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });

describe("backoffDelayMs (full jitter)", () => {
  it("caps grow exponentially up to maxDelayMs", () => {
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelayMs(a, policy, max))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
  });
  it("is uniform from zero", () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(400);
  });
});

describe("retryDelayMs", () => {
  it.each<[JiraErrorKind, boolean]>([
    ["rate_limited", true],
    ["unavailable", true],
    ["timeout", true],
    ["unreachable", true],
    ["bad_credentials", false],
    ["forbidden", false],
    ["not_found", false],
    ["invalid_jql", false],
    ["malformed_response", false],
    ["blocked_url", false],
  ])("%s retried: %s", (kind, retried) => {
    expect(retryDelayMs(err(kind), 0, policy, max) !== undefined).toBe(retried);
  });

  it("stops after maxAttempts", () => {
    expect(retryDelayMs(err("unavailable"), 2, policy, max)).toBeDefined();
    expect(retryDelayMs(err("unavailable"), 3, policy, max)).toBeUndefined();
  });

  it("waits at least Retry-After", () => {
    expect(retryDelayMs(err("rate_limited", 3), 0, policy, () => 0)).toBe(3000);
    expect(retryDelayMs(err("unavailable", 0), 3 - 1, policy, max)).toBe(399);
  });

  it("gives up in-call when Retry-After is beyond maxRetryAfterMs", () => {
    expect(retryDelayMs(err("rate_limited", 3600), 0, policy, max)).toBeUndefined();
  });

  it("has sane defaults", () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
  });
});
