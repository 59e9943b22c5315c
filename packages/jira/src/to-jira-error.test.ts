import { describe, expect, it } from "vitest";
import { isTransientKind, JIRA_ERROR_KINDS, type JiraErrorKind } from "./jira-error.ts";
import {
  extractJiraMessages,
  type JiraFailure,
  parseRetryAfterSeconds,
  toJiraError,
} from "./to-jira-error.ts";

const NOW = new Date("2026-03-01T12:00:00Z");
const http = (status: number, body = "", headers: Record<string, string> = {}): JiraFailure => ({
  type: "http",
  status,
  body,
  headers: new Headers(headers),
});
const fetchFailed = (code: string): Error => {
  const cause = Object.assign(new Error(`connect ${code}`), { code });
  return new TypeError("fetch failed", { cause });
};

// Bodies below are recorded real Jira responses (see /work/shared/jira/fixtures/errors).
const UNBOUNDED = JSON.stringify({
  errorMessages: [
    "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.",
  ],
  errors: {},
});
const JQL_SYNTAX = JSON.stringify({
  errorMessages: ["Error in the JQL Query: Expecting ')' before the end of the query."],
  errors: {},
});
const AUTH_401 = JSON.stringify({
  message: "Client must be authenticated to access this resource.",
  "status-code": 401,
});
const REMOVED_410 = JSON.stringify({
  errorMessages: ["The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."],
  errors: {},
});

const table: Array<{
  name: string;
  failure: JiraFailure;
  kind: JiraErrorKind;
  messages?: string[];
  retryAfter?: number;
}> = [
  {
    name: "401 JSON",
    failure: http(401, AUTH_401),
    kind: "bad_credentials",
    messages: [JSON.parse(AUTH_401).message],
  },
  {
    name: "401 text",
    failure: http(401, "Unauthorized"),
    kind: "bad_credentials",
    messages: ["Unauthorized"],
  },
  { name: "403", failure: http(403, '{"errorMessages":["No permission"],"errors":{}}'), kind: "forbidden" },
  {
    name: "404",
    failure: http(404, '{"errorMessages":["Issue Does Not Exist"],"errors":{}}'),
    kind: "not_found",
  },
  { name: "410 removed search", failure: http(410, REMOVED_410), kind: "not_found" },
  {
    name: "400 unbounded JQL",
    failure: http(400, UNBOUNDED),
    kind: "invalid_jql",
    messages: ["Unbounded JQL queries are not allowed here. Please add a search restriction to your query."],
  },
  {
    name: "400 JQL syntax",
    failure: http(400, JQL_SYNTAX),
    kind: "invalid_jql",
    messages: ["Error in the JQL Query: Expecting ')' before the end of the query."],
  },
  {
    name: "400 field errors",
    failure: http(400, '{"errorMessages":[],"errors":{"jql":"bad"}}'),
    kind: "invalid_jql",
    messages: ["jql: bad"],
  },
  {
    name: "400 empty message",
    failure: http(400, '{"message":"","status":400}'),
    kind: "invalid_jql",
    messages: [],
  },
  {
    name: "429 Retry-After",
    failure: http(429, "", { "retry-after": "7" }),
    kind: "rate_limited",
    retryAfter: 7,
  },
  {
    name: "429 HTTP-date",
    failure: http(429, "", { "retry-after": "Sun, 01 Mar 2026 12:00:30 GMT" }),
    kind: "rate_limited",
    retryAfter: 30,
  },
  {
    name: "429 X-RateLimit-Reset only",
    failure: http(429, "<html><title>Too Many Requests</title></html>", {
      "x-ratelimit-reset": "2026-03-01T12:02Z",
    }),
    kind: "rate_limited",
    retryAfter: 120,
    messages: ["Too Many Requests"],
  },
  { name: "429 no header", failure: http(429), kind: "rate_limited" },
  {
    name: "500",
    failure: http(500, '{"errorMessages":["Internal server error"],"errors":{}}'),
    kind: "unavailable",
  },
  { name: "502", failure: http(502, "Bad gateway"), kind: "unavailable" },
  {
    name: "503 Retry-After",
    failure: http(503, "", { "retry-after": "1" }),
    kind: "unavailable",
    retryAfter: 1,
  },
  { name: "504", failure: http(504), kind: "unavailable" },
  { name: "408", failure: http(408), kind: "timeout" },
  { name: "302 not followed", failure: http(302), kind: "blocked_url" },
  { name: "405", failure: http(405), kind: "malformed_response" },
  {
    name: "our timeout",
    failure: { type: "network", error: new Error("aborted"), timedOut: true },
    kind: "timeout",
  },
  {
    name: "AbortError",
    failure: { type: "network", error: new DOMException("x", "AbortError"), timedOut: false },
    kind: "timeout",
  },
  {
    name: "undici headers timeout",
    failure: { type: "network", error: fetchFailed("UND_ERR_HEADERS_TIMEOUT"), timedOut: false },
    kind: "timeout",
  },
  {
    name: "ECONNRESET",
    failure: { type: "network", error: fetchFailed("ECONNRESET"), timedOut: false },
    kind: "unreachable",
  },
  {
    name: "ECONNREFUSED",
    failure: { type: "network", error: fetchFailed("ECONNREFUSED"), timedOut: false },
    kind: "unreachable",
  },
  {
    name: "ENOTFOUND",
    failure: { type: "network", error: fetchFailed("ENOTFOUND"), timedOut: false },
    kind: "unreachable",
  },
  { name: "other socket", failure: { type: "network", error: "boom", timedOut: false }, kind: "unreachable" },
  {
    name: "truncated JSON",
    failure: { type: "malformed", status: 200, detail: "not JSON" },
    kind: "malformed_response",
  },
  { name: "guard", failure: { type: "blocked", reason: "private address" }, kind: "blocked_url" },
];

describe("toJiraError", () => {
  it.each(table)("$name → $kind", ({ failure, kind, messages, retryAfter }) => {
    const error = toJiraError(failure, { endpoint: "POST /rest/api/3/search/jql", now: NOW });
    expect(error.kind).toBe(kind);
    expect(error.endpoint).toBe("POST /rest/api/3/search/jql");
    if (messages !== undefined) expect(error.jiraMessages).toEqual(messages);
    expect(error.retryAfterSeconds).toBe(retryAfter);
    if (failure.type === "http") expect(error.status).toBe(failure.status);
  });

  it("covers every kind (but page_token_expired, which the client's paged reads make of a refused token)", () => {
    expect(new Set(table.map((row) => row.kind))).toEqual(
      new Set(JIRA_ERROR_KINDS.filter((kind) => kind !== "page_token_expired")),
    );
  });

  it("marks exactly the transient kinds", () => {
    expect(JIRA_ERROR_KINDS.filter((kind) => isTransientKind(kind))).toEqual([
      "rate_limited",
      "unavailable",
      "timeout",
      "unreachable",
    ]);
    expect(toJiraError(http(429)).transient).toBe(true);
    expect(toJiraError(http(401)).transient).toBe(false);
  });

  it("puts Jira's message in the error message", () => {
    expect(toJiraError(http(400, JQL_SYNTAX)).message).toContain("Expecting ')'");
  });
});

describe("extractJiraMessages", () => {
  it("reads HTML as text", () => {
    expect(extractJiraMessages("<html><body><p>Rate limit exceeded.</p></body></html>")).toEqual([
      "Rate limit exceeded.",
    ]);
  });
  it("is empty for an empty body", () => {
    expect(extractJiraMessages("  ")).toEqual([]);
  });
});

describe("parseRetryAfterSeconds", () => {
  it("rounds fractional seconds up and clamps past dates to 0", () => {
    expect(parseRetryAfterSeconds(new Headers({ "retry-after": "1.2" }), NOW)).toBe(2);
    expect(parseRetryAfterSeconds(new Headers({ "retry-after": "Sun, 01 Mar 2026 11:00:00 GMT" }), NOW)).toBe(
      0,
    );
    expect(parseRetryAfterSeconds(new Headers({ "retry-after": "soon" }), NOW)).toBeUndefined();
  });
});
