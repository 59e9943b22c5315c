/**
 * Answers that used to differ from Jira Cloud's, one test each: stale searches after a reset, case-insensitive
 * project keys in `project/{key}`, repeated `expand` on `myself`, classic templates, `issue/picker` taken for an
 * issue key, and routes the emulator does not serve.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { at, call, demoEmulator, list } from "../test-support.ts";

let jira: JiraEmulator;
beforeEach(async () => {
  jira = await demoEmulator();
});
afterEach(() => jira.close());

const keysOf = async (jql: string): Promise<string[]> => {
  const res = await call(jira, "POST", "/rest/api/3/search/jql", {
    body: { jql, fields: ["key"], maxResults: 5000 },
  });
  expect(res.status).toBe(200);
  return list(res.body, "issues").map((issue) => String(at(issue, "key")));
};

describe("answers that match Jira Cloud", () => {
  it("never serves a search cached before POST /_emulator/reset", async () => {
    // One write before the first search and one after the reset: the store revision is the same number twice.
    await call(jira, "PUT", "/rest/api/3/issue/AE-788", { body: { fields: { summary: "Renamed" } } });
    const before = await keysOf("project = AE ORDER BY key");
    expect(before).toContain("AE-787");
    const reset = await jira.fetch(`${jira.url}/_emulator/reset`, { method: "POST" });
    expect(reset.status).toBe(200);
    expect((await call(jira, "DELETE", "/rest/api/3/issue/AE-787")).status).toBe(204);
    const after = await keysOf("project = AE ORDER BY key");
    expect(after).not.toContain("AE-787");
    expect(after).toHaveLength(before.length - 1);
  });

  it("treats the project key in project/{key} case-sensitively (404 for a lower-case key)", async () => {
    expect((await call(jira, "GET", "/rest/api/3/project/AE")).status).toBe(200);
    const lower = await call(jira, "GET", "/rest/api/3/project/ae");
    expect(lower.status).toBe(404);
    expect(at(lower.body, "errorMessages", 0)).toBe("No project could be found with key 'ae'.");
    const id = String(at((await call(jira, "GET", "/rest/api/3/project/AE")).body, "id"));
    expect((await call(jira, "GET", `/rest/api/3/project/${id}`)).status).toBe(200);
  });

  it("reads every expand parameter of myself; groups.size agrees with the items", async () => {
    const res = await call(jira, "GET", "/rest/api/3/myself?expand=groups&expand=applicationRoles");
    const groups = list(res.body, "groups", "items");
    expect(groups.length).toBeGreaterThan(0);
    expect(at(res.body, "groups", "size")).toBe(groups.length);
    const roles = list(res.body, "applicationRoles", "items");
    expect(roles.map((r) => at(r, "key"))).toContain("jira-software");
    expect(at(res.body, "applicationRoles", "size")).toBe(roles.length);
    const comma = await call(jira, "GET", "/rest/api/3/myself?expand=groups,applicationRoles");
    expect(at(comma.body, "groups")).toEqual(at(res.body, "groups"));
    const plain = await call(jira, "GET", "/rest/api/3/myself");
    expect(list(plain.body, "groups", "items")).toEqual([]);
    expect(at(plain.body, "groups", "size")).toBe(groups.length);
    expect(list(plain.body, "applicationRoles", "items")).toEqual([]);
    expect(at(plain.body, "applicationRoles", "size")).toBe(roles.length);
  });

  it.each([
    ["com.pyxis.greenhopper.jira:gh-simplified-scrum-classic", "classic"],
    ["com.pyxis.greenhopper.jira:gh-simplified-kanban-classic", "classic"],
    ["com.pyxis.greenhopper.jira:gh-simplified-basic", "classic"],
    ["com.atlassian.jira-core-project-templates:jira-core-simplified-process-control", "classic"],
    ["com.pyxis.greenhopper.jira:gh-scrum-template", "classic"],
    ["com.pyxis.greenhopper.jira:gh-simplified-agility-scrum", "next-gen"],
    ["com.pyxis.greenhopper.jira:gh-simplified-agility-kanban", "next-gen"],
  ])("a project made from %s is %s", async (template, style) => {
    const created = await call(jira, "POST", "/rest/api/3/project", {
      body: { key: "TPL", name: "Template check", projectTypeKey: "software", projectTemplateKey: template },
    });
    expect(created.status).toBe(201);
    const project = await call(jira, "GET", "/rest/api/3/project/TPL");
    expect(at(project.body, "style")).toBe(style);
    expect(at(project.body, "simplified")).toBe(style === "next-gen");
  });

  it("routes issue/picker to the picker, not to an issue called 'picker'", async () => {
    const res = await call(jira, "GET", "/rest/api/3/issue/picker?query=AE-786");
    expect(res.status).toBe(200);
    expect(list(res.body, "sections").length).toBeGreaterThan(0);
  });

  it("answers unserved routes as Jira does, marked not-emulated in a header and the request log", async () => {
    jira.admin.clearRequestLog();
    const res = await call(jira, "GET", "/rest/api/3/dashboard/search?maxResults=1");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      errorMessages: [`null for uri: ${jira.url}/rest/api/3/dashboard/search?maxResults=1`],
      errors: {},
    });
    expect(res.headers.get("x-jira-emulator")).toBe("not-emulated");
    const entry = jira.admin.requestLog().at(-1);
    expect(entry?.path).toBe("/rest/api/3/dashboard/search");
    expect(entry?.notEmulated).toBe(true);
    const served = await call(jira, "GET", "/rest/api/3/issue/AE-99999");
    expect(served.status).toBe(404);
    expect(served.headers.get("x-jira-emulator")).toBeNull();
    expect(jira.admin.requestLog().at(-1)?.notEmulated).toBeUndefined();
  });
});
