/** Behaviour of the lookup endpoints: statuses, status categories, issue types, paged fields, JQL helpers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { at, call, demoEmulator, list } from "../test-support.ts";

let jira: JiraEmulator;
beforeAll(async () => {
  jira = await demoEmulator();
});
afterAll(() => jira.close());

const dana: [string, string] = ["dana@example.com", "dana-token"];

describe("statuses and categories", () => {
  it("finds a status by id or by name case-insensitively, 404 in Jira's words otherwise", async () => {
    const byName = await call(jira, "GET", "/rest/api/3/status/in%20progress");
    expect(byName.status).toBe(200);
    expect(at(byName.body, "name")).toBe("In Progress");
    const byId = await call(jira, "GET", `/rest/api/3/status/${String(at(byName.body, "id"))}`);
    expect(at(byId.body, "name")).toBe("In Progress");
    const missing = await call(jira, "GET", "/rest/api/3/status/Nope");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      errorMessages: ["The status with id 'Nope' does not exist"],
      errors: {},
    });
  });

  it("hides a team-managed project's statuses from someone who cannot browse it", async () => {
    const all = await call(jira, "GET", "/rest/api/3/status");
    const scoped = list(all.body).find((s) => at(s, "scope", "project", "id") !== undefined);
    const projectId = String(at(scoped, "scope", "project", "id"));
    const project = jira.admin.store.projects.get(projectId);
    expect(project?.key).not.toBe("AE");
    const asDana = await call(jira, "GET", `/rest/api/3/status/${String(at(scoped, "id"))}`, { as: dana });
    expect(asDana.status).toBe(404);
    const search = await call(jira, "GET", `/rest/api/3/statuses/search?projectId=${projectId}`, {
      as: dana,
    });
    expect(at(search.body, "total")).toBe(0);
  });

  it("pages statuses/search and filters by project, text and category", async () => {
    const first = await call(jira, "GET", "/rest/api/3/statuses/search?maxResults=2");
    expect(list(first.body, "values")).toHaveLength(2);
    expect(at(first.body, "isLast")).toBe(false);
    expect(String(at(first.body, "nextPage"))).toContain("startAt=2");
    const total = Number(at(first.body, "total"));
    const all = await call(jira, "GET", "/rest/api/3/statuses/search?maxResults=200");
    expect(list(all.body, "values")).toHaveLength(total);
    expect(at(all.body, "isLast")).toBe(true);
    // The keys of a page recorded from Jira Cloud (../shared/jira/fixtures/status, statuses/search).
    expect(Object.keys(all.body as object).sort()).toEqual([
      "isLast",
      "maxResults",
      "startAt",
      "total",
      "values",
    ]);
    expect(Object.keys(list(all.body, "values")[0] as object).sort()).toEqual([
      "description",
      "id",
      "name",
      "scope",
      "statusCategory",
    ]);
    const done = await call(jira, "GET", "/rest/api/3/statuses/search?statusCategory=DONE&searchString=SHIP");
    expect(list(done.body, "values").map((s) => at(s, "name"))).toContain("Shipped");
    expect(list(done.body, "values").every((s) => at(s, "statusCategory") === "DONE")).toBe(true);
    const bad = await call(jira, "GET", "/rest/api/3/statuses/search?statusCategory=LATER");
    expect(bad.status).toBe(400);
    const scoped = list(all.body).length === 0 ? [] : list(all.body, "values");
    const project = scoped.find((s) => at(s, "scope", "type") === "PROJECT");
    const projectId = String(at(project, "scope", "project", "id"));
    const byProject = await call(jira, "GET", `/rest/api/3/statuses/search?projectId=${projectId}`);
    expect(list(byProject.body, "values").every((s) => at(s, "scope", "project", "id") === projectId)).toBe(
      true,
    );
  });

  it("finds a status category by id or key", async () => {
    expect(at((await call(jira, "GET", "/rest/api/3/statuscategory/2")).body, "key")).toBe("new");
    const done = await call(jira, "GET", "/rest/api/3/statuscategory/done");
    expect(done.body).toMatchObject({ id: 3, key: "done", colorName: "green" });
    expect(String(at(done.body, "self"))).toMatch(/\/rest\/api\/3\/statuscategory\/3$/);
    expect((await call(jira, "GET", "/rest/api/3/statuscategory/later")).status).toBe(404);
  });
});

describe("issue types", () => {
  it("gets one type, 400 for a non-numeric id, 404 for an unknown one", async () => {
    const types = list((await call(jira, "GET", "/rest/api/3/issuetype")).body);
    const epic = types.find((t) => at(t, "name") === "Epic" && at(t, "scope") === undefined);
    const res = await call(jira, "GET", `/rest/api/3/issuetype/${String(at(epic, "id"))}`);
    expect(res.body).toEqual(epic);
    expect((await call(jira, "GET", "/rest/api/3/issuetype/epic")).status).toBe(400);
    const missing = await call(jira, "GET", "/rest/api/3/issuetype/99999");
    expect(missing.status).toBe(404);
    expect(at(missing.body, "errorMessages")).toEqual(["The issue type with id '99999' does not exist"]);
  });

  it("offers alternatives of the same scope and kind", async () => {
    const types = list((await call(jira, "GET", "/rest/api/3/issuetype")).body);
    const subtask = types.find((t) => at(t, "subtask") === true && at(t, "scope") !== undefined);
    const alternatives = await call(
      jira,
      "GET",
      `/rest/api/3/issuetype/${String(at(subtask, "id"))}/alternatives`,
    );
    expect(list(alternatives.body)).toEqual([]);
    const task = types.find((t) => at(t, "name") === "Task" && at(t, "scope") !== undefined);
    const forTask = list(
      (await call(jira, "GET", `/rest/api/3/issuetype/${String(at(task, "id"))}/alternatives`)).body,
    );
    expect(forTask.map((t) => at(t, "name")).sort()).toEqual(["Bug", "Epic", "Story"]);
    expect(forTask.every((t) => at(t, "scope", "project", "id") === at(task, "scope", "project", "id"))).toBe(
      true,
    );
  });
});

describe("field/search", () => {
  it("pages fields with a value type, filtered by type, id and name, ordered by name", async () => {
    const custom = await call(jira, "GET", "/rest/api/3/field/search?type=custom&maxResults=100");
    const values = list(custom.body, "values");
    expect(values.length).toBe(at(custom.body, "total"));
    expect(values.every((f) => String(at(f, "id")).startsWith("customfield_"))).toBe(true);
    const sprint = values.find((f) => at(f, "id") === "customfield_10020");
    expect(at(sprint, "isLocked")).toBe(true);
    expect(
      at(
        values.find((f) => at(f, "id") === "customfield_10030"),
        "isLocked",
      ),
    ).toBe(false);
    const byIds = await call(jira, "GET", "/rest/api/3/field/search?id=customfield_10016,summary");
    const ids = list(byIds.body, "values").map((f) => String(at(f, "id")));
    expect(ids.sort()).toEqual(["customfield_10016", "summary"]);
    const sorted = await call(jira, "GET", "/rest/api/3/field/search?orderBy=-name&query=date");
    const names = list(sorted.body, "values").map((f) => String(at(f, "name")));
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    const all = await call(jira, "GET", "/rest/api/3/field/search?maxResults=1000");
    expect(list(all.body, "values").some((f) => at(f, "id") === "issuekey")).toBe(false);
    expect((await call(jira, "GET", "/rest/api/3/field/search?type=weird")).status).toBe(400);
    expect((await call(jira, "GET", "/rest/api/3/field/search?orderBy=id")).status).toBe(400);
  });
});

describe("JQL helpers", () => {
  it("jql/match answers per query with matched ids or errors, ignoring issues the caller cannot see", async () => {
    const ae = jira.admin.store.findIssue("AE-786");
    const other = [...jira.admin.store.issues.values()].find((i) => !i.key.startsWith("AE-"));
    const res = await call(jira, "POST", "/rest/api/3/jql/match", {
      as: dana,
      body: { issueIds: [Number(ae?.id), Number(other?.id)], jqls: ["created > -3650d", "status = Nope"] },
    });
    expect(res.body).toEqual({
      matches: [
        { matchedIssues: [Number(ae?.id)], errors: [] },
        { matchedIssues: [], errors: ["The value 'Nope' does not exist for the field 'status'."] },
      ],
    });
    const missing = await call(jira, "POST", "/rest/api/3/jql/match", { body: { jqls: ["x = 1"] } });
    expect(missing.status).toBe(400);
  });

  it("issue/picker suggests by key prefix or summary words, with the matched parts in bold", async () => {
    const res = await call(jira, "GET", "/rest/api/3/issue/picker?query=ae-78&currentIssueKey=AE-787");
    const history = list(res.body, "sections", 0, "issues");
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((i) => String(at(i, "key")).startsWith("AE-78"))).toBe(true);
    expect(history.some((i) => at(i, "key") === "AE-787")).toBe(false);
    expect(at(history[0], "keyHtml")).toMatch(/^<b>AE-78<\/b>/);
    const words = await call(jira, "GET", "/rest/api/3/issue/picker?query=email%20ship");
    const epic = list(words.body, "sections", 0, "issues").find((i) => at(i, "key") === "AE-786");
    expect(at(epic, "summary")).toBe("<b>Ship</b> feature <b>Email</b> Campaigns");
    expect(at(epic, "summaryText")).toBe("Ship feature Email Campaigns");
    const noSubtasks = await call(jira, "GET", "/rest/api/3/issue/picker?query=&showSubTasks=false");
    const keys = list(noSubtasks.body, "sections", 0, "issues").map((i) => String(at(i, "key")));
    for (const key of keys)
      expect(jira.admin.store.findIssue(key)?.fields.issuetype).not.toMatchObject({ subtask: true });
    const current = await call(
      jira,
      "GET",
      `/rest/api/3/issue/picker?query=ship&currentJQL=${encodeURIComponent("issuetype = Epic")}`,
    );
    const cs = list(current.body, "sections", 1, "issues");
    expect(cs.map((i) => at(i, "key"))).toContain("AE-786");
    const typeName = (key: unknown) =>
      (jira.admin.store.findIssue(String(key))?.fields.issuetype as { name?: string } | undefined)?.name;
    expect(cs.every((i) => typeName(at(i, "key")) === "Epic")).toBe(true);
    const asDana = await call(jira, "GET", "/rest/api/3/issue/picker?query=a", { as: dana });
    expect(
      list(asDana.body, "sections", 0, "issues").every((i) => String(at(i, "key")).startsWith("AE-")),
    ).toBe(true);
  });

  it("autocomplete data lists searchable fields, the engine's functions and reserved words", async () => {
    const res = await call(jira, "GET", "/rest/api/3/jql/autocompletedata");
    const fields = list(res.body, "visibleFieldNames");
    const points = fields.find((f) => at(f, "cfid") === "cf[10016]");
    expect(points).toMatchObject({
      value: '"Story point estimate"',
      auto: "true",
      types: ["java.lang.Number"],
    });
    expect(fields.find((f) => at(f, "value") === "assignee")).toMatchObject({ searchable: "true" });
    const functions = list(res.body, "visibleFunctionNames").map((f) => at(f, "value"));
    expect(functions).toEqual(expect.arrayContaining(["currentUser()", "openSprints()", "startOfDay()"]));
    expect(list(res.body, "jqlReservedWords")).toEqual(expect.arrayContaining(["and", "order", "empty"]));
  });

  it("suggests field values containing the typed text", async () => {
    const res = await call(
      jira,
      "GET",
      "/rest/api/3/jql/autocompletedata/suggestions?fieldName=status&fieldValue=ship",
    );
    expect(list(res.body, "results")).toContainEqual({ value: "Shipped", displayName: "<b>Ship</b>ped" });
    const projects = await call(
      jira,
      "GET",
      "/rest/api/3/jql/autocompletedata/suggestions?fieldName=project&fieldValue=",
      { as: dana },
    );
    expect(list(projects.body, "results").map((r) => at(r, "value"))).toEqual(["AE"]);
    const unknown = await call(jira, "GET", "/rest/api/3/jql/autocompletedata/suggestions?fieldName=summary");
    expect(unknown.body).toEqual({ results: [] });
  });
});
