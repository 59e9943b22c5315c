import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { at, basic, call, demoEmulator, list } from "../test-support.ts";

let jira: JiraEmulator;
beforeAll(async () => {
  jira = await demoEmulator({ deployment: "data-center" });
});
afterAll(() => jira.close());

describe("the Data Center mode", () => {
  it("says it is Data Center and serves REST v2 with the user's token as a bearer PAT", async () => {
    const info = await call(jira, "GET", "/rest/api/2/serverInfo", { as: null });
    expect(info.status).toBe(200);
    expect(at(info.body, "deploymentType")).toBe("DataCenter");
    const me = await call(jira, "GET", "/rest/api/2/myself");
    expect(me.status).toBe(200);
    expect(at(me.body, "name")).toBe("ada");
    expect(at(me.body, "emailAddress")).toBe("ada@example.com");
    expect(at(me.body, "accountId")).toBeUndefined();
  });

  it("refuses basic auth with an API token, and an unknown PAT", async () => {
    const viaBasic = await jira.fetch(`${jira.url}/rest/api/2/myself`, {
      headers: { authorization: basic("ada@example.com", "token123") },
    });
    expect(viaBasic.status).toBe(401);
    const wrong = await call(jira, "GET", "/rest/api/2/myself", { as: ["ada@example.com", "nope"] });
    expect(wrong.status).toBe(401);
  });

  it("answers 404 for the Cloud-only v3 endpoints", async () => {
    for (const [method, path] of [
      ["POST", "/rest/api/3/search/jql"],
      ["POST", "/rest/api/3/search/approximate-count"],
      ["POST", "/rest/api/3/issue/bulkfetch"],
      ["POST", "/rest/api/3/jql/parse"],
      ["GET", "/rest/api/3/myself"],
    ] as const) {
      const res = await call(jira, method, path, method === "POST" ? { body: {} } : {});
      expect(res.status, path).toBe(404);
    }
  });

  it("has AE-786 with 10 stories, 3 done, by Epic Link only (parent is a sub-task's)", async () => {
    const epic = await call(jira, "POST", "/rest/api/2/search", {
      body: {
        jql: '"Epic Link" = AE-786',
        fields: ["status", "parent", "customfield_10014"],
        maxResults: 100,
      },
    });
    expect(epic.status).toBe(200);
    const issues = list(epic.body, "issues");
    expect(issues).toHaveLength(10);
    expect(at(epic.body, "total")).toBe(10);
    expect(issues.filter((i) => at(i, "fields", "status", "statusCategory", "key") === "done")).toHaveLength(
      3,
    );
    expect(issues.every((i) => at(i, "fields", "parent") === undefined)).toBe(true);
    expect(issues.every((i) => at(i, "fields", "customfield_10014") === "AE-786")).toBe(true);
    const byParent = await call(jira, "POST", "/rest/api/2/search", { body: { jql: "parent = AE-786" } });
    expect(at(byParent.body, "total")).toBe(0);
  });

  it("pages search by startAt with an exact total, at most 1000 a page", async () => {
    const first = await call(
      jira,
      "GET",
      "/rest/api/2/search?jql=project%20%3D%20AE&startAt=0&maxResults=20",
    );
    const total = Number(at(first.body, "total"));
    expect(total).toBeGreaterThan(40);
    expect(list(first.body, "issues")).toHaveLength(20);
    const last = await call(jira, "GET", `/rest/api/2/search?jql=project%20%3D%20AE&startAt=${total - 5}`);
    expect(list(last.body, "issues")).toHaveLength(5);
    const big = await call(jira, "POST", "/rest/api/2/search", { body: { jql: "", maxResults: 5000 } });
    expect(at(big.body, "maxResults")).toBe(1000);
  });

  it("validates strictly by default and only warns with validateQuery warn", async () => {
    const strict = await call(jira, "POST", "/rest/api/2/search", {
      body: { jql: "project = AE AND status = Nope" },
    });
    expect(strict.status).toBe(400);
    const warn = await call(jira, "POST", "/rest/api/2/search", {
      body: { jql: "project = AE AND status = Nope", validateQuery: "warn" },
    });
    expect(warn.status).toBe(200);
    expect(list(warn.body, "warningMessages")).toHaveLength(1);
  });

  it("has only classic projects, a float Story Points field and no Story point estimate", async () => {
    const projects = await call(jira, "GET", "/rest/api/2/project");
    expect(list(projects.body).length).toBeGreaterThan(3);
    expect(list(projects.body).every((p) => at(p, "style") === "classic")).toBe(true);
    const fields = list((await call(jira, "GET", "/rest/api/2/field")).body);
    expect(fields.some((f) => at(f, "name") === "Story Points")).toBe(true);
    expect(fields.some((f) => at(f, "name") === "Story point estimate")).toBe(false);
  });

  it("sheds load with 503 (not 429) when rate limiting", async () => {
    jira.admin.setFaults({ rateLimitPerSecond: 1 });
    try {
      await call(jira, "GET", "/rest/api/2/serverInfo");
      const limited = await call(jira, "GET", "/rest/api/2/serverInfo");
      expect(limited.status).toBe(503);
      expect(limited.headers.get("retry-after")).not.toBeNull();
    } finally {
      jira.admin.clearFaults();
    }
  });

  it("answers a repeated search with the user's access as it is now, not as it was cached", async () => {
    const search = async () =>
      list(
        (
          await call(jira, "POST", "/rest/api/2/search", {
            body: { jql: "key = BEA-26", fields: ["summary"] },
          })
        ).body,
        "issues",
      ).length;
    expect(await search()).toBe(1);
    const ada = jira.admin.store.findUserByEmail("ada@example.com");
    const bea = jira.admin.store.findProject("BEA");
    if (!ada || !bea) throw new Error("demo data changed");
    const wasAdmin = ada.siteAdmin;
    ada.siteAdmin = false;
    ada.projectIds.delete(bea.id);
    try {
      expect(await search()).toBe(0);
    } finally {
      ada.siteAdmin = wasAdmin;
      ada.projectIds.add(bea.id);
    }
    expect(await search()).toBe(1);
  });
});
