import type { JiraClient, JiraField, JiraIssue } from "@goalpost/jira";
import { describe, expect, it } from "vitest";
import { readEpics } from "./read-epics.ts";

const status = (category: string) => ({
  name: category === "done" ? "Done" : "To Do",
  statusCategory: { key: category },
});
const epic = (key: string, over: Record<string, unknown> = {}): JiraIssue => ({
  id: `id-${key}`,
  key,
  fields: {
    summary: `Epic ${key}`,
    status: status("indeterminate"),
    issuetype: { name: "Epic", hierarchyLevel: 1 },
    project: { key: key.split("-")[0] },
    ...over,
  },
});
const child = (fields: Record<string, unknown>): JiraIssue => ({ id: "c", key: "C-1", fields });

const FIELDS: JiraField[] = [
  {
    id: "customfield_10014",
    name: "Epic Link",
    custom: true,
    clauseNames: ['"Epic Link"'],
    schema: { type: "any" },
  },
  {
    id: "customfield_10026",
    name: "Story Points",
    custom: true,
    clauseNames: [],
    schema: { type: "number" },
  },
] as JiraField[];

/** A Jira client answering from fixtures and recording the searches. */
function fakeJira(input: { fields: JiraField[]; epics: JiraIssue[]; children: JiraIssue[] }) {
  const searches: { jql: string; fields: readonly string[] }[] = [];
  const client = {
    listFields: async () => input.fields,
    bulkFetch: async (keys: readonly string[]) => input.epics.filter((e) => keys.includes(e.key ?? "")),
    searchIssues: async (jql: string, fields: readonly string[]) => {
      searches.push({ jql, fields });
      return input.children;
    },
  } as unknown as JiraClient;
  return { client, searches };
}

describe("readEpics", () => {
  it("counts children by parent and by Epic Link with one search, with story points where present", async () => {
    const { client, searches } = fakeJira({
      fields: FIELDS,
      epics: [epic("AE-1"), epic("AE-2", { status: status("done") })],
      children: [
        child({ parent: { key: "AE-1" }, status: status("done"), customfield_10026: 3 }),
        child({ customfield_10014: "AE-1", status: status("new"), customfield_10026: 5 }),
        child({ customfield_10014: { key: "ae-2" }, status: status("done") }),
        child({ parent: { key: "OTHER-9" }, status: status("done") }),
      ],
    });
    const found = await readEpics(client, ["ae-1", "AE-2", "AE-404"]);
    expect(searches).toEqual([
      {
        jql: 'parent in (AE-1, AE-2) OR "Epic Link" in (AE-1, AE-2)',
        fields: ["parent", "status", "customfield_10026", "customfield_10014"],
      },
    ]);
    expect(found.get("AE-1")).toMatchObject({
      projectKey: "AE",
      isEpic: true,
      statusCategory: "indeterminate",
      progress: { byCount: { done: 1, total: 2, progress: 50 }, byStoryPoints: { done: 3, total: 8 } },
    });
    expect(found.get("AE-2")).toMatchObject({
      statusName: "Done",
      progress: { byCount: { done: 1, total: 1, progress: 100 }, byStoryPoints: null },
    });
    expect(found.has("AE-404")).toBe(false);
  });

  it("searches by parent only on a site without an Epic Link field, and not at all without epics", async () => {
    const { client, searches } = fakeJira({
      fields: [],
      epics: [epic("TM-1", { issuetype: { name: "Story", hierarchyLevel: 0 } })],
      children: [],
    });
    const found = await readEpics(client, ["TM-1"]);
    expect(searches.map((s) => s.jql)).toEqual(["parent in (TM-1)"]);
    expect(found.get("TM-1")).toMatchObject({
      isEpic: false,
      issueType: "Story",
      progress: { byCount: { total: 0 } },
    });
    const none = fakeJira({ fields: [], epics: [], children: [] });
    expect((await readEpics(none.client, ["X-1"])).size).toBe(0);
    expect(none.searches).toEqual([]);
  });
});
