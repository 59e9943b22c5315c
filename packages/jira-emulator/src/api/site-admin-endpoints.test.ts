/** Behaviour of worklog items, preferences, project structure and roles, project deletion and time tracking. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { at, call, demoEmulator, list } from "../test-support.ts";

let jira: JiraEmulator;
beforeAll(async () => {
  jira = await demoEmulator();
});
afterAll(() => jira.close());

const dana: [string, string] = ["dana@example.com", "dana-token"];
const fieldsOf = async (key: string) =>
  at((await call(jira, "GET", `/rest/api/3/issue/${key}?fields=timespent,timeestimate`)).body, "fields");

describe("one worklog", () => {
  it("gets, updates (time spent and remaining estimate move together) and deletes a worklog", async () => {
    await call(jira, "PUT", "/rest/api/3/issue/AE-791", {
      body: { fields: { timetracking: { remainingEstimate: "5h" } } },
    });
    const before = await fieldsOf("AE-791");
    const spentBefore = Number(at(before, "timespent") ?? 0);
    const added = await call(jira, "POST", "/rest/api/3/issue/AE-791/worklog", { body: { timeSpent: "1h" } });
    const id = String(at(added.body, "id"));
    expect(await fieldsOf("AE-791")).toEqual({ timespent: spentBefore + 3600, timeestimate: 4 * 3600 });
    const got = await call(jira, "GET", `/rest/api/3/issue/ae-791/worklog/${id}`);
    expect(got.body).toEqual(added.body);
    const updated = await call(jira, "PUT", `/rest/api/3/issue/AE-791/worklog/${id}`, {
      body: { timeSpent: "3h", started: "2026-11-01T10:00:00.000+0000" },
    });
    expect(updated.status).toBe(200);
    expect(at(updated.body, "timeSpentSeconds")).toBe(3 * 3600);
    expect(at(updated.body, "started")).toBe("2026-11-01T10:00:00.000+0000");
    expect(await fieldsOf("AE-791")).toEqual({ timespent: spentBefore + 3 * 3600, timeestimate: 2 * 3600 });
    const kept = await call(jira, "PUT", `/rest/api/3/issue/AE-791/worklog/${id}?adjustEstimate=leave`, {
      body: { timeSpentSeconds: 3600 },
    });
    expect(at(kept.body, "timeSpent")).toBe("1h");
    expect(await fieldsOf("AE-791")).toEqual({ timespent: spentBefore + 3600, timeestimate: 2 * 3600 });
    const bad = await call(jira, "PUT", `/rest/api/3/issue/AE-791/worklog/${id}?adjustEstimate=new`, {
      body: {},
    });
    expect(bad.status).toBe(400);
    const deleted = await call(jira, "DELETE", `/rest/api/3/issue/AE-791/worklog/${id}`);
    expect(deleted.status).toBe(204);
    expect(await fieldsOf("AE-791")).toEqual({
      timespent: spentBefore === 0 ? null : spentBefore,
      timeestimate: 3 * 3600,
    });
    const gone = await call(jira, "GET", `/rest/api/3/issue/AE-791/worklog/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ errorMessages: [`Cannot find worklog with id: '${id}'.`], errors: {} });
    const changelog = list(
      (await call(jira, "GET", "/rest/api/3/issue/AE-791/changelog?maxResults=100")).body,
      "values",
    );
    const items = changelog.flatMap((h) => list(h, "items"));
    expect(items).toContainEqual(expect.objectContaining({ field: "WorklogId", from: id, to: null }));
  });

  it("deletes with adjustEstimate=manual raising the estimate by increaseBy", async () => {
    const added = await call(
      jira,
      "POST",
      "/rest/api/3/issue/AE-792/worklog?adjustEstimate=new&newEstimate=2h",
      {
        body: { timeSpentSeconds: 1800 },
      },
    );
    const id = String(at(added.body, "id"));
    const refused = await call(
      jira,
      "DELETE",
      `/rest/api/3/issue/AE-792/worklog/${id}?adjustEstimate=manual`,
    );
    expect(refused.status).toBe(400);
    await call(jira, "DELETE", `/rest/api/3/issue/AE-792/worklog/${id}?adjustEstimate=manual&increaseBy=1h`);
    expect(at(await fieldsOf("AE-792"), "timeestimate")).toBe(3 * 3600);
  });

  it("lists worklogs by id and the ones updated since an instant, leaving out the last minute", async () => {
    const start = jira.admin.store.now().getTime();
    const added = await call(jira, "POST", "/rest/api/3/issue/AE-793/worklog", {
      body: { timeSpent: "30m" },
    });
    const id = String(at(added.body, "id"));
    const fresh = await call(jira, "GET", `/rest/api/3/worklog/updated?since=${start}`);
    expect(list(fresh.body, "values").map((v) => String(at(v, "worklogId")))).not.toContain(id);
    jira.admin.setClock({ advanceMs: 61_000 });
    const settled = await call(jira, "GET", `/rest/api/3/worklog/updated?since=${start}`);
    expect(list(settled.body, "values")).toContainEqual({
      worklogId: Number(id),
      updatedTime: start,
      properties: [],
    });
    expect(at(settled.body, "since")).toBe(start);
    expect(at(settled.body, "lastPage")).toBe(true);
    const byIds = await call(jira, "POST", "/rest/api/3/worklog/list", { body: { ids: [Number(id), 1] } });
    expect(list(byIds.body).map((w) => at(w, "id"))).toEqual([id]);
    const other = [...jira.admin.store.worklogsByIssue.entries()].find(
      ([issueId]) => !jira.admin.store.issues.get(issueId)?.key.startsWith("AE-"),
    );
    const hidden = other?.[1][0]?.id;
    expect(hidden).toBeDefined();
    const asDana = await call(jira, "POST", "/rest/api/3/worklog/list", {
      as: dana,
      body: { ids: [Number(hidden)] },
    });
    expect(asDana.body).toEqual([]);
    const tooMany = await call(jira, "POST", "/rest/api/3/worklog/list", {
      body: { ids: Array.from({ length: 1001 }, (_, i) => i) },
    });
    expect(tooMany.status).toBe(400);
  });
});

describe("preferences", () => {
  it("stores a value per user, as a JSON string or plain text, and forgets it on delete", async () => {
    expect((await call(jira, "GET", "/rest/api/3/mypreferences?key=k")).status).toBe(404);
    expect((await call(jira, "PUT", "/rest/api/3/mypreferences?key=k", { body: "blue" })).status).toBe(204);
    expect((await call(jira, "GET", "/rest/api/3/mypreferences?key=k")).body).toBe("blue");
    expect((await call(jira, "GET", "/rest/api/3/mypreferences?key=k", { as: dana })).status).toBe(404);
    const plain = await jira.fetch(`${jira.url}/rest/api/3/mypreferences?key=k`, {
      method: "PUT",
      headers: { authorization: `Basic ${Buffer.from("ada@example.com:token123").toString("base64")}` },
      body: "green",
    });
    expect(plain.status).toBe(204);
    expect((await call(jira, "GET", "/rest/api/3/mypreferences?key=k")).body).toBe("green");
    expect((await call(jira, "DELETE", "/rest/api/3/mypreferences?key=k")).status).toBe(204);
    expect((await call(jira, "DELETE", "/rest/api/3/mypreferences?key=k")).status).toBe(404);
    expect((await call(jira, "GET", "/rest/api/3/mypreferences")).status).toBe(404);
    expect((await call(jira, "GET", "/rest/api/3/mypreferences?key=k", { as: null })).status).toBe(401);
    expect((await call(jira, "GET", "/rest/api/3/mypreferences/locale", { as: null })).body).toEqual({
      locale: "en_US",
    });
  });
});

describe("project structure, roles and deletion", () => {
  it("lists each issue type of a project with its workflow's statuses", async () => {
    const res = await call(jira, "GET", "/rest/api/3/project/AE/statuses");
    const types = list(res.body);
    expect(types.map((t) => at(t, "name")).sort()).toEqual(["Bug", "Epic", "Story", "Sub-task", "Task"]);
    expect(list(types[0], "statuses").map((s) => at(s, "name"))).toContain("Shipped");
    expect((await call(jira, "GET", "/rest/api/3/project/ATL/statuses", { as: dana })).status).toBe(404);
    expect((await call(jira, "GET", "/rest/api/3/project/ae/statuses")).status).toBe(404);
  });

  it("gives the issue-type hierarchy by project id only", async () => {
    const id = jira.admin.store.findProject("AE")?.id ?? "";
    const res = await call(jira, "GET", `/rest/api/3/project/${id}/hierarchy`);
    expect(at(res.body, "projectId")).toBe(Number(id));
    const levels = list(res.body, "hierarchy");
    expect(levels.map((l) => [at(l, "level"), at(l, "name")])).toEqual([
      [0, "Base"],
      [1, "Epic"],
      [-1, "Subtask"],
    ]);
    expect(list(levels[1], "issueTypes").map((t) => at(t, "name"))).toEqual(["Epic"]);
    expect((await call(jira, "GET", "/rest/api/3/project/AE/hierarchy")).status).toBe(400);
    expect((await call(jira, "GET", "/rest/api/3/project/99999/hierarchy")).status).toBe(404);
  });

  it("lists the project roles and a role's actors", async () => {
    const roles = await call(jira, "GET", "/rest/api/3/project/AE/role");
    const id = jira.admin.store.findProject("AE")?.id ?? "";
    expect(at(roles.body, "Administrators")).toBe(`${jira.url}/rest/api/3/project/${id}/role/10002`);
    const admins = await call(jira, "GET", "/rest/api/3/project/AE/role/10002");
    const actors = list(admins.body, "actors");
    expect(actors).toContainEqual(
      expect.objectContaining({
        type: "atlassian-group-role-actor",
        actorGroup: { name: "site-admins", displayName: "site-admins", groupId: "site-admins" },
      }),
    );
    const dana = jira.admin.store.findUserByEmail("dana@example.com");
    expect(actors).toContainEqual(expect.objectContaining({ actorUser: { accountId: dana?.accountId } }));
    const members = list((await call(jira, "GET", "/rest/api/3/project/AE/role/10100")).body, "actors");
    const store = jira.admin.store;
    const expected = [...store.users.values()].filter(
      (u) => !u.siteAdmin && u.projectIds.has(id) && u.accountId !== dana?.accountId,
    );
    expect(members.map((m) => at(m, "actorUser", "accountId")).sort()).toEqual(
      expected.map((u) => u.accountId).sort(),
    );
    expect(members.map((m) => at(m, "displayName"))).toContain("Pat Portfolio");
    expect((await call(jira, "GET", "/rest/api/3/project/AE/role/1")).status).toBe(404);
  });

  it("lets only a site admin delete a project; its issues go with it", async () => {
    await call(jira, "POST", "/rest/api/3/project", {
      body: {
        key: "DEL",
        name: "Delete me",
        projectTypeKey: "software",
        projectTemplateKey: "com.pyxis.greenhopper.jira:gh-simplified-agility-scrum",
      },
    });
    await call(jira, "POST", "/rest/api/3/issue", {
      body: { fields: { project: { key: "DEL" }, issuetype: { name: "Task" }, summary: "Doomed" } },
    });
    expect(jira.admin.store.findIssue("DEL-1")).toBeDefined();
    expect((await call(jira, "DELETE", "/rest/api/3/project/AE", { as: dana })).status).toBe(404);
    expect((await call(jira, "DELETE", "/rest/api/3/project/del")).status).toBe(404);
    expect((await call(jira, "DELETE", "/rest/api/3/project/DEL")).status).toBe(204);
    expect((await call(jira, "GET", "/rest/api/3/project/DEL")).status).toBe(404);
    expect((await call(jira, "GET", "/rest/api/3/issue/DEL-1")).status).toBe(404);
  });
});

describe("time tracking configuration", () => {
  it("is for site admins; options are validated and kept", async () => {
    expect((await call(jira, "GET", "/rest/api/3/configuration/timetracking", { as: dana })).status).toBe(
      403,
    );
    expect(at((await call(jira, "GET", "/rest/api/3/configuration/timetracking")).body, "key")).toBe("JIRA");
    const wrong = await call(jira, "PUT", "/rest/api/3/configuration/timetracking", {
      body: { key: "Tempo" },
    });
    expect(wrong.status).toBe(400);
    jira.admin.store.timeTracking.provider = null;
    expect((await call(jira, "GET", "/rest/api/3/configuration/timetracking")).status).toBe(204);
    expect(
      (await call(jira, "PUT", "/rest/api/3/configuration/timetracking", { body: { key: "JIRA" } })).status,
    ).toBe(204);
    expect(at((await call(jira, "GET", "/rest/api/3/configuration/timetracking")).body, "key")).toBe("JIRA");
    const invalid = await call(jira, "PUT", "/rest/api/3/configuration/timetracking/options", {
      body: { workingHoursPerDay: 30, workingDaysPerWeek: 5, timeFormat: "pretty", defaultUnit: "fortnight" },
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(at(invalid.body, "errors") as object).sort()).toEqual([
      "defaultUnit",
      "workingHoursPerDay",
    ]);
    const options = {
      workingHoursPerDay: 7,
      workingDaysPerWeek: 4,
      timeFormat: "hours",
      defaultUnit: "hour",
    };
    expect(
      (await call(jira, "PUT", "/rest/api/3/configuration/timetracking/options", { body: options })).body,
    ).toEqual(options);
    expect((await call(jira, "GET", "/rest/api/3/configuration/timetracking/options")).body).toEqual(options);
  });
});
