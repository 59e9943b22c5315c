import { createCloudClient } from "jira.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { demoEmulator } from "../test-support.ts";

let jira: JiraEmulator;
let client: ReturnType<typeof createCloudClient>;

beforeAll(async () => {
  jira = await demoEmulator({ listen: true });
  client = createCloudClient({
    host: jira.url,
    auth: { type: "basic", email: "ada@example.com", apiToken: "token123" },
    onSchemaMismatch: "throw",
  });
});
afterAll(() => jira.close());

describe("jira.js 6 against the emulator (onSchemaMismatch: throw)", () => {
  it("reads site metadata", async () => {
    expect((await client.serverInfo.getServerInfo()).deploymentType).toBe("Cloud");
    expect((await client.myself.getCurrentUser()).emailAddress).toBe("ada@example.com");
    expect((await client.projects.searchProjects({ maxResults: 2 })).values?.length).toBe(2);
    expect((await client.projects.getProject({ projectIdOrKey: "AE" })).key).toBe("AE");
    expect((await client.issueFields.getFields()).some((f) => f.id === "customfield_10016")).toBe(true);
    expect((await client.workflowStatusCategories.getStatusCategories()).map((c) => c.key)).toContain("done");
    expect((await client.workflowStatuses.getStatuses()).some((s) => s.name === "Shipped")).toBe(true);
    expect((await client.issueTypes.getIssueAllTypes()).some((t) => t.name === "Epic")).toBe(true);
  });
  it("searches, counts, parses and reads issues", async () => {
    const page = await client.issueSearch.searchAndReconsileIssuesUsingJql({
      jql: '"Epic Link" = AE-786',
      fields: ["*all"],
      expand: "names,schema,changelog",
      maxResults: 5,
    });
    expect(page.issues?.length).toBe(5);
    const next = await client.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql: '"Epic Link" = AE-786',
      fields: ["summary", "status"],
      maxResults: 5,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
    expect(next.isLast).toBe(true);
    expect((await client.issueSearch.countIssues({ jql: "parent = AE-786" })).count).toBe(10);
    const parsed = await client.jql.parseJqlQueries({
      queries: ["project = AE", "project = "],
      validation: "strict",
    });
    expect(parsed.queries.length).toBe(2);
    expect(
      (await client.issues.getIssue({ issueIdOrKey: "ae-787", expand: "changelog,transitions,names,schema" }))
        .key,
    ).toBe("AE-787");
    expect(
      (await client.issues.bulkFetchIssues({ issueIdsOrKeys: ["AE-787", "AE-788"], fields: ["*navigable"] }))
        .issues?.length,
    ).toBe(2);
    expect((await client.issues.getChangeLogs({ issueIdOrKey: "AE-787" })).values?.length).toBeGreaterThan(0);
    expect((await client.issueWorklogs.getIssueWorklog({ issueIdOrKey: "AE-787" })).worklogs).toBeDefined();
    expect(
      (await client.issues.getTransitions({ issueIdOrKey: "AE-787" })).transitions?.length,
    ).toBeGreaterThan(0);
  });
  it("writes", async () => {
    const project = await client.projects.createProject({
      key: "JJS",
      name: "jira.js project",
      projectTypeKey: "software",
      projectTemplateKey: "com.pyxis.greenhopper.jira:gh-simplified-agility-kanban",
      leadAccountId: (await client.myself.getCurrentUser()).accountId ?? "",
    });
    expect(project.key).toBe("JJS");
    const issue = await client.issues.createIssue({
      fields: { project: { key: "JJS" }, issuetype: { name: "Task" }, summary: "From jira.js" },
    });
    const bulk = await client.issues.createIssues({
      issueUpdates: [{ fields: { project: { key: "JJS" }, issuetype: { name: "Bug" }, summary: "Bulk" } }],
    });
    expect(bulk.issues?.length).toBe(1);
    await client.issues.editIssue({
      issueIdOrKey: issue.key ?? "",
      fields: { summary: "Edited by jira.js" },
    });
    const { transitions } = await client.issues.getTransitions({ issueIdOrKey: issue.key ?? "" });
    await client.issues.doTransition({
      issueIdOrKey: issue.key ?? "",
      transition: { id: transitions?.[0]?.id ?? "" },
    });
    const worklog = await client.issueWorklogs.addWorklog({
      issueIdOrKey: issue.key ?? "",
      timeSpentSeconds: 3600,
    });
    expect(worklog.timeSpentSeconds).toBe(3600);
    const field = await client.issueFields.createCustomField({
      name: "Confidence",
      type: "com.atlassian.jira.plugin.system.customfieldtypes:float",
    });
    expect(field.custom).toBe(true);
    await client.issues.deleteIssue({ issueIdOrKey: issue.key ?? "" });
    await expect(client.issues.getIssue({ issueIdOrKey: issue.key ?? "" })).rejects.toThrow();
  });
});
