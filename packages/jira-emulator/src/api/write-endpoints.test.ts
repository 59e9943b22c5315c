import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { at, call, demoEmulator, list } from "../test-support.ts";

let jira: JiraEmulator;
beforeAll(async () => {
  jira = await demoEmulator();
});
afterAll(() => jira.close());

describe("write endpoints", () => {
  it("creates a project and an issue, edits it with a changelog entry, transitions and logs work", async () => {
    const project = await call(jira, "POST", "/rest/api/3/project", {
      body: {
        key: "NEW",
        name: "New things",
        projectTypeKey: "software",
        projectTemplateKey: "com.pyxis.greenhopper.jira:gh-simplified-agility-scrum",
      },
    });
    expect(project.status).toBe(201);
    expect(typeof at(project.body, "id")).toBe("number");
    const created = await call(jira, "POST", "/rest/api/3/issue", {
      body: {
        fields: {
          project: { key: "NEW" },
          issuetype: { name: "Story" },
          summary: "First",
          timetracking: { originalEstimate: "1d" },
        },
      },
    });
    expect(created.status).toBe(201);
    expect(at(created.body, "key")).toBe("NEW-1");
    const before = await call(jira, "GET", "/rest/api/3/issue/NEW-1");
    jira.admin.setClock({ advanceMs: 60_000 });
    const edit = await call(jira, "PUT", "/rest/api/3/issue/NEW-1", {
      body: { fields: { summary: "First, renamed", customfield_10016: 5, parent: { key: "AE-786" } } },
    });
    expect(edit.status).toBe(204);
    const after = await call(jira, "GET", "/rest/api/3/issue/NEW-1?expand=changelog");
    expect(at(after.body, "fields", "customfield_10016")).toBe(5);
    expect(at(after.body, "fields", "parent", "key")).toBe("AE-786");
    expect(at(after.body, "fields", "updated")).not.toBe(at(before.body, "fields", "updated"));
    const items = list(after.body, "changelog", "histories", 0, "items").map((i) => at(i, "field"));
    expect(items).toEqual(
      expect.arrayContaining(["summary", "Story point estimate", "IssueParentAssociation"]),
    );
    const transitions = await call(jira, "GET", "/rest/api/3/issue/NEW-1/transitions");
    const done = list(transitions.body, "transitions").find(
      (t) => at(t, "to", "statusCategory", "key") === "done",
    );
    expect(
      (
        await call(jira, "POST", "/rest/api/3/issue/NEW-1/transitions", {
          body: { transition: { id: at(done, "id") } },
        })
      ).status,
    ).toBe(204);
    const resolved = await call(
      jira,
      "GET",
      "/rest/api/3/issue/NEW-1?fields=status,resolution,resolutiondate",
    );
    expect(at(resolved.body, "fields", "resolution", "name")).toBe("Done");
    const worklog = await call(jira, "POST", "/rest/api/3/issue/NEW-1/worklog", {
      body: { timeSpentSeconds: 3 * 3600 },
    });
    expect(worklog.status).toBe(201);
    const tracked = await call(
      jira,
      "GET",
      "/rest/api/3/issue/NEW-1?fields=timespent,timeestimate,progress,timetracking",
    );
    expect(at(tracked.body, "fields", "timespent")).toBe(3 * 3600);
    expect(at(tracked.body, "fields", "timeestimate")).toBe(5 * 3600);
    expect(at(tracked.body, "fields", "progress")).toEqual({ progress: 10800, total: 28800, percent: 37 });
    expect(at(tracked.body, "fields", "timetracking", "remainingEstimate")).toBe("5h");
  });
  it("rejects bad input with Jira's field errors", async () => {
    const res = await call(jira, "POST", "/rest/api/3/issue", {
      body: { fields: { project: { key: "AE" }, issuetype: { name: "Story" } } },
    });
    expect(res.status).toBe(400);
    expect(at(res.body, "errors", "summary")).toBe("You must specify a summary of the issue.");
    const transition = await call(jira, "POST", "/rest/api/3/issue/AE-787/transitions", {
      body: { transition: { id: "999" } },
    });
    expect(at(transition.body, "errorMessages", 0)).toBe("Transition id '999' is not valid for this issue.");
  });
  it("bulk-creates, creates custom fields and deletes issues", async () => {
    const bulk = await call(jira, "POST", "/rest/api/3/issue/bulk", {
      body: {
        issueUpdates: [
          { fields: { project: { key: "AE" }, issuetype: { name: "Bug" }, summary: "Bulk one" } },
          { fields: { project: { key: "AE" }, issuetype: { name: "Nope" }, summary: "Bulk two" } },
        ],
      },
    });
    expect(list(bulk.body, "issues")).toHaveLength(1);
    expect(at(bulk.body, "errors", 0, "failedElementNumber")).toBe(1);
    const field = await call(jira, "POST", "/rest/api/3/field", {
      body: {
        name: "Effort",
        type: "com.atlassian.jira.plugin.system.customfieldtypes:float",
        searcherKey: "com.atlassian.jira.plugin.system.customfieldtypes:exactnumber",
      },
    });
    expect(field.status).toBe(201);
    const key = String(at(list(bulk.body, "issues")[0], "key"));
    expect(
      (
        await call(jira, "PUT", `/rest/api/3/issue/${key}`, {
          body: { fields: { [String(at(field.body, "id"))]: 4.5 } },
        })
      ).status,
    ).toBe(204);
    expect((await call(jira, "DELETE", `/rest/api/3/issue/${key}`)).status).toBe(204);
    expect((await call(jira, "GET", `/rest/api/3/issue/${key}`)).status).toBe(404);
  });
  it("lets only site admins create projects", async () => {
    const res = await call(jira, "POST", "/rest/api/3/project", {
      body: { key: "DAN", name: "Dana's" },
      as: ["dana@example.com", "dana-token"],
    });
    expect(res.status).toBe(403);
  });
});
