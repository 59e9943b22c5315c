/**
 * The endpoints added for issue 16 through jira.js 6 with its strict schema audit (`AUDIT_SCHEMAS=true`) and
 * `onSchemaMismatch: "throw"`, against the emulator on a real port. The drift jira.js collects must stay empty.
 */
import type { createCloudClient } from "jira.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { demoEmulator } from "../test-support.ts";

// jira.js reads the switch while its schemas are built, at module load: set it before the dynamic import.
const previousAudit = process.env.AUDIT_SCHEMAS;
process.env.AUDIT_SCHEMAS = "true";
const jiraJs = await import("jira.js");

type Client = ReturnType<typeof createCloudClient>;
const AUDIT_STORE = Symbol.for("apis-code-gen.schemaAudit");

function collectedDrift(): unknown[] {
  const found = (globalThis as Record<symbol, unknown>)[AUDIT_STORE];
  return Array.isArray(found) ? found : [];
}

let jira: JiraEmulator;
let client: Client;
let dana: Client;

beforeAll(async () => {
  jira = await demoEmulator({ listen: true });
  const as = (email: string, apiToken: string) =>
    jiraJs.createCloudClient({
      host: jira.url,
      auth: { type: "basic", email, apiToken },
      onSchemaMismatch: "throw",
    });
  client = as("ada@example.com", "token123");
  dana = as("dana@example.com", "dana-token");
});
afterAll(async () => {
  await jira.close();
  if (previousAudit === undefined) delete process.env.AUDIT_SCHEMAS;
  else process.env.AUDIT_SCHEMAS = previousAudit;
});

describe("jira.js 6 against the issue-16 endpoints (strict schema audit, onSchemaMismatch: throw)", () => {
  it("myself with groups and application roles, case-sensitive project keys, classic templates", async () => {
    const me = await client.myself.getCurrentUser({ expand: ["groups", "applicationRoles"] });
    expect(me.groups?.size).toBe(me.groups?.items?.length);
    expect(me.groups?.items?.map((g) => g.name)).toContain("site-admins");
    expect(me.applicationRoles?.items?.map((r) => r.key)).toEqual(["jira-software"]);
    await expect(client.projects.getProject({ projectIdOrKey: "ae" })).rejects.toThrow(/404/);
    await client.projects.createProject({
      key: "CLS",
      name: "Classic scrum",
      projectTypeKey: "software",
      projectTemplateKey: "com.pyxis.greenhopper.jira:gh-simplified-scrum-classic",
      leadAccountId: me.accountId ?? "",
    });
    const classic = await client.projects.getProject({ projectIdOrKey: "CLS" });
    expect(classic.style).toBe("classic");
    expect(classic.simplified).toBe(false);
    expect(collectedDrift()).toEqual([]);
  });

  it("statuses, status categories, issue types and paged fields", async () => {
    const shipped = await client.workflowStatuses.getStatus({ idOrName: "shipped" });
    expect(shipped.name).toBe("Shipped");
    expect(shipped.statusCategory?.key).toBe("done");
    expect((await client.workflowStatuses.getStatus({ idOrName: shipped.id ?? "" })).name).toBe("Shipped");
    await expect(client.workflowStatuses.getStatus({ idOrName: "No such status" })).rejects.toThrow(/404/);
    const page = await client.status.search({ searchString: "progress", maxResults: 1 });
    expect(page.values?.[0]?.statusCategory).toBe("IN_PROGRESS");
    expect(page.isLast).toBe((page.total ?? 0) <= 1);
    const done = await client.status.search({ statusCategory: "DONE" });
    expect(done.values?.every((s) => s.statusCategory === "DONE")).toBe(true);
    expect((await client.workflowStatusCategories.getStatusCategory({ idOrKey: "done" })).id).toBe(3);
    expect((await client.workflowStatusCategories.getStatusCategory({ idOrKey: "4" })).key).toBe(
      "indeterminate",
    );
    const types = await client.issueTypes.getIssueAllTypes();
    const story = types.find((t) => t.name === "Story" && t.scope === undefined);
    const type = await client.issueTypes.getIssueType({ id: story?.id ?? "" });
    expect(type.name).toBe("Story");
    const alternatives = await client.issueTypes.getAlternativeIssueTypes({ id: type.id ?? "" });
    expect(alternatives.map((t) => t.name).sort()).toEqual(["Bug", "Epic", "Task"]);
    await expect(client.issueTypes.getIssueType({ id: "99999" })).rejects.toThrow(/404/);
    const fields = await client.issueFields.getFieldsPaginated({ type: ["custom"], maxResults: 3 });
    expect(fields.values).toHaveLength(3);
    expect(fields.isLast).toBe(false);
    const found = await client.issueFields.getFieldsPaginated({ query: "story point", orderBy: "name" });
    expect(found.values.map((f) => f.name)).toEqual(["Story point estimate", "Story Points"]);
    expect(collectedDrift()).toEqual([]);
  });

  it("worklogs one by one and across issues", async () => {
    const added = await client.issueWorklogs.addWorklog({ issueIdOrKey: "AE-790", timeSpentSeconds: 3600 });
    const id = added.id ?? "";
    expect((await client.issueWorklogs.getWorklog({ issueIdOrKey: "AE-790", id })).timeSpentSeconds).toBe(
      3600,
    );
    const updated = await client.issueWorklogs.updateWorklog({
      issueIdOrKey: "AE-790",
      id,
      body: { timeSpentSeconds: 7200 },
    });
    expect(updated.timeSpent).toBe("2h");
    const listed = await client.issueWorklogs.getWorklogsForIds({ ids: [Number(id), 1] });
    expect(listed.map((w) => w.id)).toEqual([id]);
    jira.admin.setClock({ advanceMs: 120_000 });
    const changed = await client.issueWorklogs.getIdsOfWorklogsModifiedSince({ since: 0 });
    expect(changed.values?.some((v) => String(v.worklogId) === id)).toBe(true);
    expect(changed.lastPage).toBe(true);
    await client.issueWorklogs.deleteWorklog({ issueIdOrKey: "AE-790", id });
    await expect(client.issueWorklogs.getWorklog({ issueIdOrKey: "AE-790", id })).rejects.toThrow(/404/);
    expect(collectedDrift()).toEqual([]);
  });

  it("JQL match, issue picker, autocomplete data and suggestions", async () => {
    const epic = await client.issues.getIssue({ issueIdOrKey: "AE-786", fields: ["summary"] });
    const story = await client.issues.getIssue({ issueIdOrKey: "AE-787", fields: ["summary"] });
    const matched = await client.issueSearch.matchIssues({
      issueIds: [Number(epic.id), Number(story.id)],
      jqls: ["issuetype = Epic", "parent = AE-786", "nonsense = 1"],
    });
    expect(matched.matches[0]?.matchedIssues).toEqual([Number(epic.id)]);
    expect(matched.matches[1]?.matchedIssues).toEqual([Number(story.id)]);
    expect(matched.matches[2]?.errors.length).toBeGreaterThan(0);
    const picked = await client.issueSearch.getIssuePickerResource({
      query: "email campaigns",
      currentJQL: "project = AE",
    });
    expect(picked.sections?.map((s) => s.id)).toEqual(["hs", "cs"]);
    expect(picked.sections?.[0]?.issues?.some((i) => i.key === "AE-786")).toBe(true);
    const data = await client.jql.getAutoComplete();
    expect(data.visibleFieldNames?.some((f) => f.cfid === "cf[10016]")).toBe(true);
    expect(data.visibleFunctionNames?.some((f) => f.value === "currentUser()")).toBe(true);
    expect(data.jqlReservedWords).toContain("order");
    const suggestions = await client.jql.getFieldAutoCompleteForQueryString({
      fieldName: "project",
      fieldValue: "ae",
    });
    expect(suggestions.results?.some((r) => r.value === "AE")).toBe(true);
    expect(collectedDrift()).toEqual([]);
  });

  it("preferences and locale", async () => {
    await client.myself.setPreference({ key: "goalpost.theme", body: { mode: "dark" } });
    expect(await client.myself.getPreference({ key: "goalpost.theme" })).toBe('{"mode":"dark"}');
    await client.myself.removePreference({ key: "goalpost.theme" });
    await expect(client.myself.getPreference({ key: "goalpost.theme" })).rejects.toThrow(/404/);
    expect((await client.myself.getLocale()).locale).toBe("en_US");
    expect(collectedDrift()).toEqual([]);
  });

  it("project statuses, hierarchy, roles and deletion", async () => {
    const statuses = await client.projects.getAllStatuses({ projectIdOrKey: "AE" });
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses[0]?.statuses.some((s) => s.name === "Shipped")).toBe(true);
    const project = await client.projects.getProject({ projectIdOrKey: "AE" });
    const hierarchy = await client.projects.getHierarchy({ projectId: Number(project.id) });
    expect(hierarchy.hierarchy?.map((h) => h.level)).toEqual([0, 1, -1]);
    const roles = await client.projectRoles.getProjectRoles({ projectIdOrKey: "AE" });
    expect(Object.keys(roles)).toContain("Administrators");
    const admins = await client.projectRoles.getProjectRole({ projectIdOrKey: "AE", id: 10002 });
    expect(admins.actors?.some((a) => a.type === "atlassian-group-role-actor")).toBe(true);
    expect(admins.actors?.some((a) => a.displayName === "Dana Product")).toBe(true); // the project lead
    const members = await client.projectRoles.getProjectRole({ projectIdOrKey: "AE", id: 10100 });
    expect(members.actors?.length).toBeGreaterThan(0);
    expect(members.actors?.every((a) => a.type === "atlassian-user-role-actor")).toBe(true);
    await client.projects.createProject({
      key: "GONE",
      name: "To be deleted",
      projectTypeKey: "software",
      projectTemplateKey: "com.pyxis.greenhopper.jira:gh-simplified-scrum-classic",
      leadAccountId: (await client.myself.getCurrentUser()).accountId ?? "",
    });
    await expect(dana.projects.deleteProject({ projectIdOrKey: "AE" })).rejects.toThrow(/404/);
    await client.projects.deleteProject({ projectIdOrKey: "GONE" });
    await expect(client.projects.getProject({ projectIdOrKey: "GONE" })).rejects.toThrow(/404/);
    expect(collectedDrift()).toEqual([]);
  });

  it("time tracking configuration", async () => {
    const provider = await client.timeTracking.getSelectedTimeTrackingImplementation();
    expect(provider).toMatchObject({ key: "JIRA" });
    await client.timeTracking.selectTimeTrackingImplementation({ key: "JIRA" });
    expect((await client.timeTracking.getAvailableTimeTrackingImplementations()).map((p) => p.key)).toEqual([
      "JIRA",
    ]);
    expect((await client.timeTracking.getSharedTimeTrackingConfiguration()).workingHoursPerDay).toBe(8);
    const set = await client.timeTracking.setSharedTimeTrackingConfiguration({
      workingHoursPerDay: 7.5,
      workingDaysPerWeek: 5,
      timeFormat: "pretty",
      defaultUnit: "hour",
    });
    expect(set.workingHoursPerDay).toBe(7.5);
    await expect(dana.timeTracking.getSharedTimeTrackingConfiguration()).rejects.toThrow(/403/);
    expect(collectedDrift()).toEqual([]);
  });
});
