import { JIRA_ERROR_KINDS, JiraError, type JiraErrorKind } from "@goalpost/jira";
import { describe, expect, it } from "vitest";
import { classifySyncFailure } from "./sync-failure.ts";

describe("classifySyncFailure", () => {
  it.each<[JiraErrorKind, boolean, boolean]>([
    ["bad_credentials", true, false],
    ["forbidden", false, false],
    ["not_found", true, false],
    ["invalid_jql", false, false],
    ["blocked_url", true, false],
    ["rate_limited", false, true],
    ["timeout", false, true],
    ["unavailable", false, true],
    ["unreachable", false, true],
    ["malformed_response", false, true],
  ])("%s → unhealthy %s, retry %s", (kind, unhealthy, retry) => {
    const failure = classifySyncFailure(new JiraError(kind, "x", { jiraMessages: ["Jira says so."] }));
    expect(failure).toMatchObject({ code: kind, unhealthy, retry });
    expect(failure.message).toMatch(/Jira says so\.$/);
  });

  it("covers every Jira error kind", () => {
    for (const kind of JIRA_ERROR_KINDS)
      expect(classifySyncFailure(new JiraError(kind, "x")).code).toBe(kind);
  });
});
