import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { at, call, demoEmulator } from "../test-support.ts";

let jira: JiraEmulator;
beforeAll(async () => {
  jira = await demoEmulator();
});
beforeEach(() => {
  jira.admin.clearFaults();
  jira.admin.clearRequestLog();
});
afterAll(() => jira.close());

const search = (extra = "") =>
  call(
    jira,
    "GET",
    `/rest/api/3/search/jql?jql=${encodeURIComponent("project = AE ORDER BY key")}&maxResults=5${extra}`,
  );

describe("faults", () => {
  it("rate-limits with Jira's 429 headers", async () => {
    jira.admin.setFaults({ rateLimitPerSecond: 2 });
    const statuses = [];
    let limited: Headers | undefined;
    for (let i = 0; i < 4; i++) {
      const res = await search();
      statuses.push(res.status);
      if (res.status === 429) limited = res.headers;
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses).toContain(429);
    expect(limited?.get("retry-after")).toMatch(/^\d+$/);
    expect(limited?.get("ratelimit-reason")).toBe("jira-burst-based");
    expect(limited?.get("x-ratelimit-limit")).toBe("2");
  });
  it("answers 500/503 at a rate of 1 and truncates JSON when asked", async () => {
    jira.admin.setFaults({ error503Rate: 1 });
    const res = await search();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    jira.admin.setFaults({ error503Rate: 0, malformedJsonRate: 1 });
    const broken = await search();
    expect(broken.status).toBe(200);
    expect(typeof broken.body).toBe("string");
  });
  it("resets connections and hangs (abortable)", async () => {
    jira.admin.setFaults({ resetRate: 1 });
    await expect(search()).rejects.toThrow("fetch failed");
    jira.admin.setFaults({ resetRate: 0, hangRate: 1 });
    // A controller held here, not AbortSignal.timeout(): Node may garbage-collect an unreferenced timeout
    // signal before it fires, and the hung request then never settles (a flake under a loaded full run).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error("client gave up")), 50);
    const hung = jira.fetch(`${jira.url}/rest/api/3/serverInfo`, { signal: controller.signal });
    await expect(hung).rejects.toThrow();
    clearTimeout(timer);
  });
  it("revokes a token, expires page tokens and deletes a project between pages", async () => {
    jira.admin.setFaults({ revokedUsers: ["ada@example.com"] });
    expect((await search()).status).toBe(401);
    jira.admin.setFaults({ revokedUsers: [] });
    const first = await search();
    const token = String(at(first.body, "nextPageToken"));
    jira.admin.setFaults({ expirePageTokens: true });
    expect((await search(`&nextPageToken=${token}`)).status).toBe(400);
    jira.admin.setFaults({ expirePageTokens: false, deleteProjectOnNextPage: "AE" });
    const after = await search(`&nextPageToken=${token}`);
    expect(after.status).toBe(400);
    expect(at(after.body, "errorMessages", 0)).toContain("'AE'");
    jira.admin.reset();
  });
  it("adds latency and logs every request", async () => {
    jira.admin.setFaults({ latencyMs: 30 });
    await search();
    const [entry] = jira.admin.requestLog();
    expect(entry?.durationMs).toBeGreaterThanOrEqual(29);
    expect(entry).toMatchObject({ method: "GET", path: "/rest/api/3/search/jql", status: 200 });
    expect(entry?.bytes).toBeGreaterThan(0);
    const viaHttp = await call(jira, "GET", "/_emulator/requests", { as: null });
    expect(Array.isArray(viaHttp.body)).toBe(true);
  });
  it("expires page tokens after 7 days of time travel", async () => {
    const first = await search();
    jira.admin.setClock({ advanceMs: 8 * 86_400_000 });
    expect((await search(`&nextPageToken=${String(at(first.body, "nextPageToken"))}`)).status).toBe(400);
    jira.admin.setClock({ advanceMs: -8 * 86_400_000 });
  });
});
