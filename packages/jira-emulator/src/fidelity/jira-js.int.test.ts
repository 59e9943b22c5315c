/**
 * jira.js 6 with its strict schema audit on (`AUDIT_SCHEMAS=true`: strict objects, real enums) and
 * `onSchemaMismatch: "throw"` exercises every implemented `/rest/api/3` endpoint, reads and writes, against the
 * emulator on a real port. Afterwards the drift jira.js collected must be empty.
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

beforeAll(async () => {
  jira = await demoEmulator({ listen: true });
  client = jiraJs.createCloudClient({
    host: jira.url,
    auth: { type: "basic", email: "ada@example.com", apiToken: "token123" },
    onSchemaMismatch: "throw",
  });
});
afterAll(async () => {
  await jira.close();
  if (previousAudit === undefined) delete process.env.AUDIT_SCHEMAS;
  else process.env.AUDIT_SCHEMAS = previousAudit;
});

describe("jira.js 6 against the emulator (strict schema audit, onSchemaMismatch: throw)", () => {
  it("runs with the audit on", () => {
    expect(process.env.AUDIT_SCHEMAS).toBe("true");
    expect(collectedDrift()).toEqual([]);
  });

  it("reads site metadata", async () => {
    expect((await client.serverInfo.getServerInfo()).deploymentType).toBe("Cloud");
    expect((await client.myself.getCurrentUser()).emailAddress).toBe("ada@example.com");
    const projects = await client.projects.searchProjects({ maxResults: 2, expand: "description,lead" });
    expect(projects.values?.length).toBe(2);
    expect((await client.projects.searchProjects({ query: "ae", keys: ["AE"] })).values?.[0]?.key).toBe("AE");
    expect((await client.projects.getProject({ projectIdOrKey: "AE" })).key).toBe("AE");
    expect((await client.issueFields.getFields()).some((f) => f.id === "customfield_10016")).toBe(true);
    expect((await client.workflowStatusCategories.getStatusCategories()).map((c) => c.key)).toContain("done");
    expect((await client.workflowStatuses.getStatuses()).some((s) => s.name === "Shipped")).toBe(true);
    expect((await client.issueTypes.getIssueAllTypes()).some((t) => t.name === "Epic")).toBe(true);
    expect(collectedDrift()).toEqual([]);
  });

  it("searches (GET and POST with nextPageToken), counts and parses", async () => {
    const page = await client.issueSearch.searchAndReconsileIssuesUsingJql({
      jql: '"Epic Link" = AE-786 ORDER BY key',
      fields: ["*all"],
      expand:
        "names,schema,changelog,transitions,renderedFields,operations,editmeta,versionedRepresentations",
      maxResults: 5,
    });
    expect(page.issues?.length).toBe(5);
    expect(page.nextPageToken).toBeTruthy();
    const next = await client.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql: '"Epic Link" = AE-786 ORDER BY key',
      fields: ["summary", "status", "-description"],
      maxResults: 5,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
    expect(next.isLast).toBe(true);
    const navigable = await client.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql: "project = AE ORDER BY created DESC",
      fields: ["*navigable"],
      maxResults: 3,
    });
    expect(navigable.issues?.length).toBe(3);
    const idsOnly = await client.issueSearch.searchAndReconsileIssuesUsingJql({ jql: "project = AE" });
    expect(idsOnly.issues?.[0]?.id).toBeTruthy();
    expect((await client.issueSearch.countIssues({ jql: "parent = AE-786" })).count).toBe(10);
    const parsed = await client.jql.parseJqlQueries({
      queries: [
        "project = AE AND status WAS Done ORDER BY created",
        "status CHANGED FROM 'To Do' TO Done AND assignee IN (currentUser())",
        "project = ",
        "summary = x",
      ],
      validation: "strict",
    });
    expect(parsed.queries.length).toBe(4);
    expect(parsed.queries[2]?.errors?.length).toBeGreaterThan(0);
    expect(collectedDrift()).toEqual([]);
  });

  it("reads issues, bulkfetch, changelog, worklog and transitions", async () => {
    const issue = await client.issues.getIssue({
      issueIdOrKey: "ae-787",
      expand: "changelog,transitions,names,schema,renderedFields,operations,editmeta",
    });
    expect(issue.key).toBe("AE-787");
    const bulk = await client.issues.bulkFetchIssues({
      issueIdsOrKeys: ["AE-787", "AE-788", "NOPE-1"],
      fields: ["*navigable"],
      expand: ["names", "schema"],
    });
    expect(bulk.issues?.length).toBe(2);
    expect((await client.issues.getChangeLogs({ issueIdOrKey: "AE-787" })).values?.length).toBeGreaterThan(0);
    expect((await client.issueWorklogs.getIssueWorklog({ issueIdOrKey: "AE-787" })).worklogs).toBeDefined();
    expect(
      (await client.issues.getTransitions({ issueIdOrKey: "AE-787" })).transitions?.length,
    ).toBeGreaterThan(0);
    expect(collectedDrift()).toEqual([]);
  });

  it("writes: project, issue, bulk, edit, transition, worklog, field, delete", async () => {
    const me = await client.myself.getCurrentUser();
    const project = await client.projects.createProject({
      key: "JJS",
      name: "jira.js project",
      projectTypeKey: "software",
      projectTemplateKey: "com.pyxis.greenhopper.jira:gh-simplified-agility-kanban",
      leadAccountId: me.accountId ?? "",
    });
    expect(project.key).toBe("JJS");
    const epic = await client.issues.createIssue({
      fields: { project: { key: "JJS" }, issuetype: { name: "Epic" }, summary: "jira.js epic" },
    });
    const issue = await client.issues.createIssue({
      fields: { project: { key: "JJS" }, issuetype: { name: "Task" }, summary: "From jira.js" },
    });
    const bulk = await client.issues.createIssues({
      issueUpdates: [
        { fields: { project: { key: "JJS" }, issuetype: { name: "Bug" }, summary: "Bulk" } },
        { fields: { project: { key: "NOPE" }, issuetype: { name: "Bug" }, summary: "Refused" } },
      ],
    });
    expect(bulk.issues?.length).toBe(1);
    expect(bulk.errors?.length).toBe(1);
    const key = issue.key ?? "";
    await client.issues.editIssue({
      issueIdOrKey: key,
      fields: {
        summary: "Edited by jira.js",
        parent: { key: epic.key ?? "" },
        customfield_10016: 5,
        timetracking: { originalEstimate: "2d" },
      },
    });
    const { transitions } = await client.issues.getTransitions({ issueIdOrKey: key });
    const done = transitions?.find((t) => t.to?.statusCategory?.key === "done");
    await client.issues.doTransition({ issueIdOrKey: key, transition: { id: done?.id ?? "" } });
    const worklog = await client.issueWorklogs.addWorklog({
      issueIdOrKey: key,
      timeSpentSeconds: 3600,
      comment: {
        type: "doc",
        version: 1,
        content: [{ type: "paragraph", content: [{ type: "text", text: "work" }] }],
      },
    });
    expect(worklog.timeSpentSeconds).toBe(3600);
    const edited = await client.issues.getIssue({ issueIdOrKey: key, expand: "changelog" });
    expect(edited.fields?.resolution?.name).toBe("Done");
    expect(edited.fields?.parent?.key).toBe(epic.key);
    const changes = await client.issues.getChangeLogs({ issueIdOrKey: key });
    expect(changes.values?.some((h) => h.items?.some((item) => item.field === "status"))).toBe(true);
    const field = await client.issueFields.createCustomField({
      name: "Confidence",
      type: "com.atlassian.jira.plugin.system.customfieldtypes:float",
      searcherKey: "com.atlassian.jira.plugin.system.customfieldtypes:exactnumber",
    });
    expect(field.custom).toBe(true);
    await client.issues.deleteIssue({ issueIdOrKey: key });
    await expect(client.issues.getIssue({ issueIdOrKey: key })).rejects.toThrow(/404/);
    expect(collectedDrift()).toEqual([]);
  });
});
