/** The largest supported site: 200,000 generated issues load, and searches stay fast (in memory, by project). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJiraEmulator, type JiraEmulator } from "../emulator.ts";
import { at, call, list, TEST_ANCHOR } from "../test-support.ts";

let jira: JiraEmulator;
let loadMs = 0;

beforeAll(async () => {
  const started = performance.now();
  jira = await createJiraEmulator({
    dataset: { name: "generated", seed: 200, issues: 200_000, anchor: TEST_ANCHOR },
    users: [{ email: "ada@example.com", token: "token123" }],
    frozenClock: TEST_ANCHOR,
  });
  loadMs = performance.now() - started;
}, 180_000);
afterAll(() => jira.close());

async function timed(path: string, body?: unknown): Promise<{ ms: number; body: unknown; status: number }> {
  const started = performance.now();
  const res = await call(jira, body === undefined ? "GET" : "POST", path, body === undefined ? {} : { body });
  return { ms: performance.now() - started, body: res.body, status: res.status };
}

describe("a 200k-issue site", () => {
  it("loads all 200,000 issues", () => {
    expect(jira.admin.store.issues.size).toBe(200_000);
    expect(jira.admin.store.projects.size).toBeGreaterThanOrEqual(40);
    expect(loadMs).toBeLessThan(120_000);
  });

  it("answers a project-scoped search quickly", async () => {
    const { body: projects } = await timed("/rest/api/3/project/search?maxResults=1&orderBy=key");
    const key = String(at(projects, "values", 0, "key"));
    await timed(`/rest/api/3/search/jql?jql=${encodeURIComponent(`project = ${key}`)}&maxResults=1`);
    const jql = `project = ${key} AND statusCategory != Done ORDER BY created DESC`;
    const page = await timed("/rest/api/3/search/jql", {
      jql,
      maxResults: 100,
      fields: ["summary", "status"],
    });
    expect(page.status).toBe(200);
    expect(list(page.body, "issues").length).toBe(100);
    expect(page.ms).toBeLessThan(500);
  });

  it("answers a site-wide search and count in reasonable time", async () => {
    const jql = "statusCategory = Done AND updated >= -14d ORDER BY updated DESC";
    const page = await timed("/rest/api/3/search/jql", { jql, maxResults: 100, fields: ["summary"] });
    expect(page.status).toBe(200);
    expect(list(page.body, "issues").length).toBe(100);
    expect(page.ms).toBeLessThan(3000);
    const counted = await timed("/rest/api/3/search/approximate-count", { jql: "issuetype = Bug" });
    expect(Number(at(counted.body, "count"))).toBeGreaterThan(10_000);
    expect(counted.ms).toBeLessThan(3000);
  });

  it("pages through 5,000 ids at a time", async () => {
    const page = await timed("/rest/api/3/search/jql", {
      jql: "project is not EMPTY ORDER BY key",
      maxResults: 5000,
      fields: ["id", "key"],
    });
    expect(page.status).toBe(200);
    expect(list(page.body, "issues").length).toBe(5000);
    expect(typeof at(page.body, "nextPageToken")).toBe("string");
  });
});
