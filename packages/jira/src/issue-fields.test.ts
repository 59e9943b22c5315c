import { describe, expect, it } from "vitest";
import { issueLinksOf } from "./epic-links.ts";
import { issueBasicsOf } from "./issue-fields.ts";

describe("issue field parsing (once, here)", () => {
  it("reads summary, status category, type, epic-ness, project and updated", () => {
    const basics = issueBasicsOf({
      id: "10",
      key: "ae-786",
      fields: {
        summary: "Ship feature Email Campaigns",
        status: { name: "In Progress", statusCategory: { key: "indeterminate", id: 4 } },
        issuetype: { name: "Epic", hierarchyLevel: 1 },
        project: { key: "AE", id: "1" },
        updated: "2026-05-14T10:00:00.000+0000",
      },
    });
    expect(basics).toEqual({
      id: "10",
      key: "AE-786",
      summary: "Ship feature Email Campaigns",
      status: { name: "In Progress", categoryKey: "indeterminate" },
      issueType: { name: "Epic", hierarchyLevel: 1 },
      isEpic: true,
      projectKey: "AE",
      updated: "2026-05-14T10:00:00.000+0000",
    });
  });

  it("falls back on missing or odd values: no category is not done, the project from the key", () => {
    const basics = issueBasicsOf({
      id: "11",
      key: "COM-3",
      fields: { status: { name: 3 }, issuetype: null },
    });
    expect(basics).toMatchObject({
      summary: "",
      status: { name: "", categoryKey: "new" },
      issueType: { name: "", hierarchyLevel: null },
      isEpic: false,
      projectKey: "COM",
      updated: null,
    });
  });

  it("reads parent and Epic Link (a key, or an object with one)", () => {
    const child = {
      fields: {
        parent: { id: "1", key: "ae-1", fields: { issuetype: { hierarchyLevel: 1 } } },
        customfield_10014: { key: "ae-2" },
      },
    };
    expect(issueLinksOf(child, "customfield_10014")).toEqual({
      parentKey: "AE-1",
      parentLevel: 1,
      epicLink: "AE-2",
    });
    expect(issueLinksOf({ fields: {} }, null)).toEqual({
      parentKey: null,
      parentLevel: null,
      epicLink: null,
    });
  });
});
