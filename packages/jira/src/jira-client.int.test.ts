/** The Jira client against the emulator as a real HTTP server on 127.0.0.1. */

import { findNumericCustomFields, findStoryPointFields } from "@goalpost/domain";
import { createJiraEmulator, type JiraEmulator } from "@goalpost/jira-emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createJiraClient, type JiraClient, type JiraClientOptions } from "./jira-client.ts";
import { JiraError } from "./jira-error.ts";
import { createSiteLimiter } from "./site-limiter.ts";

const EMAIL = "ada@example.com";
const TOKEN = "token123";
const EPIC = "parent = AE-786";
const READ_POSTS = new Set([
  "/rest/api/3/search/jql",
  "/rest/api/3/search/approximate-count",
  "/rest/api/3/issue/bulkfetch",
  "/rest/api/3/jql/parse",
]);

let jira: JiraEmulator;

function client(extra: Partial<JiraClientOptions> = {}): JiraClient {
  return createJiraClient({
    baseUrl: jira.url,
    email: EMAIL,
    apiToken: TOKEN,
    allowHosts: [new URL(jira.url).host],
    timeoutMs: 5_000,
    maxConcurrency: 4,
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
    limiter: createSiteLimiter(),
    onSchemaMismatch: "throw",
    ...extra,
  });
}

async function caught(promise: Promise<unknown>): Promise<JiraError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JiraError) return error;
    throw error;
  }
  throw new Error("expected a JiraError");
}

const jiraRequests = () => jira.admin.requestLog().filter((r) => r.path.startsWith("/rest/"));

beforeAll(async () => {
  jira = await createJiraEmulator({
    dataset: { name: "demo" },
    users: [{ email: EMAIL, token: TOKEN }],
    listen: true,
  });
  expect(new URL(jira.url).hostname).toBe("127.0.0.1");
});

afterAll(async () => {
  await jira.close();
});

beforeEach(() => {
  jira.admin.clearFaults();
  jira.admin.clearRequestLog();
});

describe("methods on the demo site", () => {
  it("myself and serverInfo (the connection test)", async () => {
    const c = client();
    const me = await c.myself();
    expect(me.emailAddress).toBe(EMAIL);
    expect(me.accountId).not.toBe("");
    const info = await c.serverInfo();
    expect(info.deploymentType).toBe("Cloud");
  });

  it("listFields feeds the domain's discovery of story-point and numeric custom fields", async () => {
    const fields = await client().listFields();
    expect(
      findStoryPointFields(fields)
        .map((f) => f.id)
        .sort(),
    ).toEqual(["customfield_10016", "customfield_10026"]);
    const numericIds = findNumericCustomFields(fields).map((f) => f.id);
    expect(numericIds).toEqual(expect.arrayContaining(["customfield_10030", "customfield_10031"]));
  });

  it("searchIds: AE-786 has 10 children, 3 done", async () => {
    const c = client();
    expect(await c.searchIds(EPIC)).toHaveLength(10);
    expect(await c.searchIds(`${EPIC} AND statusCategory = Done`)).toHaveLength(3);
    const log = jiraRequests();
    expect(log.every((r) => r.path === "/rest/api/3/search/jql" && r.method === "POST")).toBe(true);
  });

  it("searchIds pages past a page by nextPageToken", async () => {
    const ids = await client().searchIds(EPIC, { pageSize: 3 });
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    expect(jiraRequests()).toHaveLength(4);
  });

  it("an expired page token restarts the read once from the first page, then is page_token_expired", async () => {
    jira.admin.setFaults({ expirePageTokens: true });
    const error = await caught(client().searchIds(EPIC, { pageSize: 3 }));
    expect(error.kind).toBe("page_token_expired");
    expect(error.jiraMessages.join(" ")).toMatch(/page token/);
    // First page, refused second page; once more from the start: four requests, no loop.
    expect(jiraRequests()).toHaveLength(4);
    // A first page never carries a token: a 400 there is the JQL's fault.
    expect((await caught(client().searchIds("project = NOPE", { pageSize: 3 }))).kind).toBe("invalid_jql");
  });

  it("searchIssues returns the asked fields, paged", async () => {
    const issues = await client().searchIssues(EPIC, ["status", "customfield_10016"], { pageSize: 4 });
    expect(issues).toHaveLength(10);
    const done = issues.filter((i) => {
      const status = i.fields.status as { statusCategory?: { key?: string } } | undefined;
      return status?.statusCategory?.key === "done";
    });
    expect(done).toHaveLength(3);
    expect(issues.every((i) => i.key?.startsWith("AE-"))).toBe(true);
    expect(jiraRequests()).toHaveLength(3);
  });

  it("bulkFetch returns the issues by id, unknown ids silently absent", async () => {
    const c = client();
    const ids = await c.searchIds(EPIC);
    const issues = await c.bulkFetch([...ids, "99999999"], ["status", "summary"]);
    expect(issues.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(issues.every((i) => typeof i.fields.summary === "string")).toBe(true);
  });

  it("approximateCount", async () => {
    expect(await client().approximateCount(EPIC)).toBe(10);
  });

  it("parseJql: Jira's own verdicts", async () => {
    const [ok, bad] = await client().parseJql([EPIC, "project = AE AND"]);
    expect(ok?.valid).toBe(true);
    expect(bad?.valid).toBe(false);
    expect(bad?.errors[0]).toMatch(/Error in the JQL Query/);
    expect(await client().parseJql([])).toEqual([]);
  });

  it("listProjects: all pages, and by query", async () => {
    const c = client();
    const all = await c.listProjects();
    expect(all.map((p) => p.key)).toContain("AE");
    const paged = await c.listProjects(undefined, { pageSize: 2 });
    expect(paged.map((p) => p.key)).toEqual(all.map((p) => p.key));
    const ae = await c.listProjects("AE");
    expect(ae.map((p) => p.key)).toContain("AE");
    expect(ae.find((p) => p.key === "AE")?.avatarUrl).toMatch(/^http.*avatar/);
  });

  it("an unbounded or invalid JQL search is invalid_jql with Jira's message", async () => {
    const error = await caught(client().searchIds("project = AE AND"));
    expect(error.kind).toBe("invalid_jql");
    expect(error.status).toBe(400);
    expect(error.jiraMessages[0]).toMatch(/Error in the JQL Query/);
    const unbounded = await caught(client().searchIds("ORDER BY created"));
    expect(unbounded.jiraMessages[0]).toMatch(/Unbounded JQL queries are not allowed/);
    expect(jiraRequests()).toHaveLength(2); // not retried
  });
});

describe("faults injected by the emulator", () => {
  it("429 with Retry-After: retried after the wait, succeeds once cleared", async () => {
    const waits: number[] = [];
    const c = client({
      sleep: async (ms) => {
        waits.push(ms);
        jira.admin.clearFaults();
      },
    });
    jira.admin.setFaults({ rateLimitPerSecond: 1 });
    await c.myself(); // uses the second's only slot
    expect((await c.myself()).emailAddress).toBe(EMAIL);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(jiraRequests().map((r) => r.status)).toEqual([200, 429, 200]);
  });

  it("429 that persists surfaces rate_limited with retryAfterSeconds", async () => {
    jira.admin.setFaults({ rateLimitPerSecond: 1 });
    const c = client({ retry: { maxAttempts: 1 } });
    const outcomes = await Promise.allSettled([c.myself(), c.myself(), c.myself()]);
    const errors = outcomes.flatMap((o) =>
      o.status === "rejected" && o.reason instanceof JiraError ? [o.reason] : [],
    );
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const error of errors) {
      expect(error.kind).toBe("rate_limited");
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
  });

  it("500: retried, then unavailable; recovers when cleared", async () => {
    jira.admin.setFaults({ error500Rate: 1 });
    const c = client();
    const error = await caught(c.searchIds(EPIC));
    expect(error.kind).toBe("unavailable");
    expect(error.status).toBe(500);
    expect(jiraRequests()).toHaveLength(3);
    jira.admin.clearFaults();
    expect(await c.searchIds(EPIC)).toHaveLength(10);
  });

  it("503 carries Retry-After", async () => {
    jira.admin.setFaults({ error503Rate: 1 });
    const error = await caught(client({ sleep: async () => {} }).serverInfo());
    expect(error.kind).toBe("unavailable");
    expect(error.status).toBe(503);
    expect(error.retryAfterSeconds).toBe(1);
  });

  it("a hang becomes timeout", async () => {
    jira.admin.setFaults({ hangRate: 1 });
    const started = Date.now();
    const error = await caught(
      client({ timeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 1 } }).myself(),
    );
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(jiraRequests()).toHaveLength(2);
  });

  it("a connection reset is unreachable (retried)", async () => {
    jira.admin.setFaults({ resetRate: 1 });
    const error = await caught(client().myself());
    expect(error.kind).toBe("unreachable");
    jira.admin.clearFaults();
    expect((await client().myself()).emailAddress).toBe(EMAIL);
  });

  it("truncated JSON is malformed_response", async () => {
    jira.admin.setFaults({ malformedJsonRate: 1 });
    expect((await caught(client().searchIds(EPIC))).kind).toBe("malformed_response");
  });

  it("a revoked token is bad_credentials, not retried", async () => {
    jira.admin.setFaults({ revokedUsers: [EMAIL] });
    const error = await caught(client().myself());
    expect(error.kind).toBe("bad_credentials");
    expect(error.message).not.toContain(TOKEN);
    expect(jiraRequests()).toHaveLength(1);
  });

  it("a wrong token is bad_credentials", async () => {
    expect((await caught(client({ apiToken: "wrong" }).myself())).kind).toBe("bad_credentials");
  });

  it("a project deleted mid-pagination fails the search with Jira's message", async () => {
    jira.admin.setFaults({ deleteProjectOnNextPage: "AE" });
    const error = await caught(client().searchIds("project = AE", { pageSize: 3 }));
    expect(error.kind).toBe("invalid_jql");
    expect(error.jiraMessages.join(" ")).toMatch(/AE/);
    jira.admin.reset();
    expect(await client().searchIds(EPIC)).toHaveLength(10);
  });
});

describe("outbound safety", () => {
  it("without allowHosts, the emulator on 127.0.0.1 over http is refused before any request", async () => {
    const error = await caught(client({ allowHosts: [] }).myself());
    expect(error.kind).toBe("blocked_url");
    expect(jiraRequests()).toHaveLength(0);
  });

  it("the request log shows only reads", async () => {
    const c = client();
    await c.myself();
    await c.serverInfo();
    await c.listFields();
    const ids = await c.searchIds(EPIC, { pageSize: 5 });
    expect(ids).toHaveLength(10);
    await c.searchIssues(EPIC, ["status"]);
    await c.bulkFetch(ids, ["status"]);
    await c.approximateCount(EPIC);
    await c.parseJql([EPIC]);
    await c.listProjects();
    const log = jiraRequests();
    expect(log.length).toBeGreaterThanOrEqual(10);
    for (const entry of log) {
      expect(entry.method === "GET" || (entry.method === "POST" && READ_POSTS.has(entry.path))).toBe(true);
    }
  });
});
