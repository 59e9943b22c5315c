import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { at, call, demoEmulator, list } from "../test-support.ts";

let jira: JiraEmulator;
beforeAll(async () => {
  jira = await demoEmulator();
});
afterAll(() => jira.close());

describe("demo dataset through the REST API", () => {
  it("has epic AE-786 with 10 stories, 3 of them done, by Epic Link and by parent", async () => {
    for (const jql of ['"Epic Link" = AE-786', "parent = AE-786"]) {
      const res = await call(
        jira,
        "GET",
        `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=status&maxResults=100`,
      );
      expect(res.status).toBe(200);
      const issues = list(res.body, "issues");
      expect(issues).toHaveLength(10);
      expect(
        issues.filter((i) => at(i, "fields", "status", "statusCategory", "key") === "done"),
      ).toHaveLength(3);
    }
  });
  it("has a bugs epic whose bugs were filed all quarter", async () => {
    const res = await call(jira, "POST", "/rest/api/3/search/jql", {
      body: {
        jql: "project = AE AND issuetype = Bug ORDER BY created ASC",
        fields: ["created", "parent"],
        maxResults: 100,
      },
    });
    const issues = list(res.body, "issues");
    expect(issues.length).toBeGreaterThan(30);
    const created = issues.map((i) => String(at(i, "fields", "created")));
    expect(String(created[0]) < "2026-08-15").toBe(true);
    expect(String(created.at(-1)) > "2026-10-20").toBe(true);
  });
});

describe("read endpoints", () => {
  it("serves serverInfo anonymously and myself only with credentials", async () => {
    expect(at((await call(jira, "GET", "/rest/api/3/serverInfo", { as: null })).body, "deploymentType")).toBe(
      "Cloud",
    );
    expect((await call(jira, "GET", "/rest/api/3/myself", { as: null })).status).toBe(401);
    const me = await call(jira, "GET", "/rest/api/3/myself");
    expect(at(me.body, "emailAddress")).toBe("ada@example.com");
    expect(at(me.body, "expand")).toBe("groups,applicationRoles");
  });
  it("answers 401 with Jira's body for a wrong token", async () => {
    const res = await call(jira, "GET", "/rest/api/3/project/search", { as: ["ada@example.com", "wrong"] });
    expect(res.status).toBe(401);
    expect(at(res.body, "message")).toBe("Client must be authenticated to access this resource.");
  });
  it("gets an issue case-insensitively with *all fields and a 404 in Jira's words otherwise", async () => {
    const res = await call(jira, "GET", "/rest/api/3/issue/ae-786?expand=names,changelog");
    expect(res.status).toBe(200);
    expect(at(res.body, "key")).toBe("AE-786");
    expect(at(res.body, "fields", "customfield_10016")).toBeNull();
    expect(at(res.body, "names", "customfield_10016")).toBe("Story point estimate");
    expect(list(res.body, "changelog", "histories").length).toBeGreaterThan(0);
    const missing = await call(jira, "GET", "/rest/api/3/issue/AE-99999");
    expect(missing.status).toBe(404);
    expect(at(missing.body, "errorMessages", 0)).toBe(
      "Issue does not exist or you do not have permission to see it.",
    );
  });
  it("hides projects a user may not browse: 404 on read, absent from search and project lists", async () => {
    const dana: [string, string] = ["dana@example.com", "dana-token"];
    const projects = await call(jira, "GET", "/rest/api/3/project/search", { as: dana });
    expect(list(projects.body, "values").map((p) => at(p, "key"))).toEqual(["AE"]);
    expect((await call(jira, "GET", "/rest/api/3/issue/ATL-1", { as: dana })).status).toBe(404);
    expect((await call(jira, "GET", "/rest/api/3/issue/AE-786", { as: dana })).status).toBe(200);
    const search = await call(
      jira,
      "GET",
      `/rest/api/3/search/jql?jql=${encodeURIComponent("project = ATL")}`,
      { as: dana },
    );
    expect(search.status).toBe(400);
  });
  it("refuses unbounded queries with Jira's message", async () => {
    const res = await call(
      jira,
      "GET",
      `/rest/api/3/search/jql?jql=${encodeURIComponent("order by created")}`,
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorMessages: [
        "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.",
      ],
      errors: {},
    });
  });
  it("pages with nextPageToken, no total, ids only by default, and caps pages by field width", async () => {
    const jql = encodeURIComponent("project = AE ORDER BY key ASC");
    const first = await call(jira, "GET", `/rest/api/3/search/jql?jql=${jql}&maxResults=20`);
    expect(Object.keys(first.body as object).sort()).toEqual(["isLast", "issues", "nextPageToken"]);
    expect(Object.keys(list(first.body, "issues")[0] as object)).toEqual(["id"]);
    const token = String(at(first.body, "nextPageToken"));
    const second = await call(
      jira,
      "GET",
      `/rest/api/3/search/jql?jql=${jql}&maxResults=20&nextPageToken=${token}`,
    );
    expect(list(second.body, "issues")[0]).not.toEqual(list(first.body, "issues")[0]);
    const wide = await call(
      jira,
      "GET",
      `/rest/api/3/search/jql?jql=${encodeURIComponent("project in (ATL, AE)")}&fields=*all&maxResults=5000`,
    );
    expect(list(wide.body, "issues")).toHaveLength(100);
    const narrow = await call(
      jira,
      "GET",
      `/rest/api/3/search/jql?jql=${encodeURIComponent("project in (ATL, AE)")}&fields=key&maxResults=5000`,
    );
    expect(list(narrow.body, "issues").length).toBeGreaterThan(100);
    expect(at(list(narrow.body, "issues")[0], "fields")).toBeUndefined();
  });
  it("supports *navigable and -field exclusions", async () => {
    const res = await call(
      jira,
      "GET",
      `/rest/api/3/search/jql?jql=${encodeURIComponent("key = AE-787")}&fields=*navigable,-summary`,
    );
    const fields = at(list(res.body, "issues")[0], "fields") as Record<string, unknown>;
    expect(fields.status).toBeDefined();
    expect(fields.summary).toBeUndefined();
    expect(fields.comment).toBeUndefined();
  });
  it("counts, bulk-fetches (dropping unknown keys) and pages the changelog", async () => {
    const count = await call(jira, "POST", "/rest/api/3/search/approximate-count", {
      body: { jql: "parent = AE-786" },
    });
    expect(count.body).toEqual({ count: 10 });
    const bulk = await call(jira, "POST", "/rest/api/3/issue/bulkfetch", {
      body: { issueIdsOrKeys: ["AE-787", "NOPE-1"], fields: ["summary"] },
    });
    expect(list(bulk.body, "issues").map((i) => at(i, "key"))).toEqual(["AE-787"]);
    expect(at(bulk.body, "issueErrors")).toEqual([]);
    const log = await call(jira, "GET", "/rest/api/3/issue/AE-787/changelog?maxResults=1");
    expect(at(log.body, "isLast")).toBe(false);
    expect(list(log.body, "values")).toHaveLength(1);
  });
  it("pages project/search and filters it by query and keys", async () => {
    const all = await call(jira, "GET", "/rest/api/3/project/search?maxResults=100");
    const keys = list(all.body, "values").map((p) => String(at(p, "key")));
    expect(keys).toEqual([...keys].sort());
    expect(at(all.body, "total")).toBe(keys.length);
    const first = await call(jira, "GET", "/rest/api/3/project/search?startAt=0&maxResults=2");
    expect(list(first.body, "values").map((p) => at(p, "key"))).toEqual(keys.slice(0, 2));
    expect(at(first.body, "isLast")).toBe(false);
    expect(String(at(first.body, "nextPage"))).toContain("startAt=2");
    const second = await call(jira, "GET", "/rest/api/3/project/search?startAt=2&maxResults=2");
    expect(list(second.body, "values").map((p) => at(p, "key"))).toEqual(keys.slice(2, 4));
    const capped = await call(jira, "GET", "/rest/api/3/project/search?maxResults=500");
    expect(at(capped.body, "maxResults")).toBe(100);
    const byQuery = await call(jira, "GET", "/rest/api/3/project/search?query=acme%20ENG");
    expect(list(byQuery.body, "values").map((p) => at(p, "key"))).toEqual(["AE"]);
    const byKeys = await call(jira, "GET", `/rest/api/3/project/search?keys=AE&keys=${keys[1] ?? ""}`);
    expect(list(byKeys.body, "values").map((p) => at(p, "key"))).toEqual(["AE", keys[1]].sort());
  });

  it("answers the removed /search with 410", async () => {
    expect((await call(jira, "GET", "/rest/api/3/search?jql=project%3DAE")).status).toBe(410);
  });
});
