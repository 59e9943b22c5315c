import { JIRA_ERROR_KINDS, JiraError } from "@goalpost/jira";
import { describe, expect, it } from "vitest";
import { nextDueAfterFailure, nextDueAfterSuccess } from "./next-due.ts";
import { SYNC_OUTCOMES, syncFailureOf } from "./sync-outcome.ts";

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
const MIN = 60_000;

describe("sync outcomes", () => {
  it("has an outcome with a unique code for every Jira failure kind", () => {
    const codes = JIRA_ERROR_KINDS.map((kind) => SYNC_OUTCOMES[kind].code);
    expect(new Set(codes).size).toBe(JIRA_ERROR_KINDS.length);
  });

  it.each([
    ["bad_credentials", "stop"],
    ["blocked_url", "stop"],
    ["invalid_jql", "report"],
    ["rate_limited", "retry"],
    ["unavailable", "retry"],
    ["timeout", "retry"],
    ["unreachable", "retry"],
    ["malformed_response", "retry"],
    ["forbidden", "retry"],
    ["not_found", "retry"],
  ] as const)("%s → %s", (kind, action) => {
    expect(SYNC_OUTCOMES[kind].action).toBe(action);
  });

  it("appends Jira's messages and keeps Retry-After", () => {
    const failure = syncFailureOf(
      new JiraError("invalid_jql", "bad", { jiraMessages: ["Field 'foo' does not exist."], status: 400 }),
    );
    expect(failure).toMatchObject({ code: "jira_invalid_jql", action: "report" });
    expect(failure.message).toBe("Jira rejected the JQL query. Jira said: Field 'foo' does not exist.");
    expect(
      syncFailureOf(new JiraError("rate_limited", "slow down", { retryAfterSeconds: 30 })).retryAfterSeconds,
    ).toBe(30);
  });
});

describe("next due", () => {
  it.each([
    [60, 59 * MIN],
    [1, 1 * MIN],
    [15, 14 * MIN],
  ])("after success with a %d-minute interval: +%d ms", (interval, delay) => {
    expect(nextDueAfterSuccess(at(0), interval)).toEqual(at(delay));
  });

  it.each([
    [1, 60, undefined, 1 * MIN],
    [2, 60, undefined, 2 * MIN],
    [4, 60, undefined, 8 * MIN],
    [7, 60, undefined, 60 * MIN],
    [50, 60, undefined, 60 * MIN],
    [1, 60, 300, 5 * MIN],
    [3, 1, undefined, 1 * MIN],
  ])("after failure %d (interval %d, Retry-After %s): +%d ms", (failures, interval, retryAfter, delay) => {
    expect(nextDueAfterFailure(at(0), failures, interval, retryAfter)).toEqual(at(delay));
  });
});
