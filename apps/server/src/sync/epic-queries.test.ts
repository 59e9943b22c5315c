import { issueLinksOf } from "@goalpost/jira";
import { describe, expect, it } from "vitest";
import { epicBatchJqls, isEpicQueryMember, parseEpicQuery } from "./epic-queries.ts";

const epic = { hierarchyLevel: 1 };
const story = { hierarchyLevel: 0 };
const issue = (parent: { key: string; level: { hierarchyLevel: number } } | null, epicLink?: string) =>
  issueLinksOf(
    {
      fields: {
        ...(parent ? { parent: { id: "1", key: parent.key, fields: { issuetype: parent.level } } } : {}),
        ...(epicLink === undefined ? {} : { customfield_10014: epicLink }),
      },
    },
    "customfield_10014",
  );

describe("epic queries", () => {
  it.each([
    ["parent = AE-786", { field: "parent", keys: ["AE-786"] }],
    ['"Epic Link" = ae-786', { field: "epicLink", keys: ["AE-786"] }],
    ["'epic link'=AE-1", { field: "epicLink", keys: ["AE-1"] }],
    ["parent in (AE-1, ATL-2,AE-1)", { field: "parent", keys: ["AE-1", "ATL-2"] }],
    ['PARENT IN ("AE-1")', { field: "parent", keys: ["AE-1"] }],
    ['"Epic Link" in (AE-1, AE-2)', { field: "epicLink", keys: ["AE-1", "AE-2"] }],
  ])("reads %s as an epic query", (jql, expected) => {
    expect(parseEpicQuery(jql)).toEqual({ jql, ...expected });
  });

  it.each([
    "parent = AE-786 AND status = Done",
    "project = AE",
    "parent != AE-1",
    "parent = 10001",
    'parent in (AE-1) OR "Epic Link" = AE-2',
    "parent in ()",
    "parent = AE-1 ORDER BY key",
  ])("leaves %s to Jira", (jql) => {
    expect(parseEpicQuery(jql)).toBeNull();
  });

  it("assigns membership as Jira does: parent = K direct children; Epic Link = K also epic children by parent", () => {
    const parent = parseEpicQuery("parent = E-1");
    const link = parseEpicQuery('"Epic Link" = E-1');
    if (!parent || !link) throw new Error("not parsed");
    const companyChild = issue({ key: "E-1", level: epic }, "E-1");
    const teamChild = issue({ key: "E-1", level: epic });
    const legacy = issue(null, "E-1");
    const subtask = issue({ key: "S-1", level: story });
    const subtaskOfStory = issue({ key: "E-1", level: story });
    expect([companyChild, teamChild, legacy, subtask].map((i) => isEpicQueryMember(parent, i))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([companyChild, teamChild, legacy, subtask].map((i) => isEpicQueryMember(link, i))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    // A story's sub-tasks are its `parent` children, never its "Epic Link" ones.
    expect(isEpicQueryMember(parent, subtaskOfStory)).toBe(true);
    expect(isEpicQueryMember(link, subtaskOfStory)).toBe(false);
  });

  it("batches keys into searches of at most maxKeys keys, with the Epic Link clause only when asked", () => {
    const queries = ["parent = A-1", "parent in (A-1, A-2)", '"Epic Link" = B-1', "parent = C-1"].map(
      (jql) => parseEpicQuery(jql) ?? { jql, field: "parent" as const, keys: [] },
    );
    expect(epicBatchJqls(queries.slice(0, 2))).toEqual([
      { jql: "parent in (A-1, A-2)", queries: queries.slice(0, 2) },
    ]);
    const batches = epicBatchJqls(queries, 3);
    expect(batches.map((batch) => batch.jql)).toEqual([
      'parent in (A-1, A-2, B-1) OR "Epic Link" in (A-1, A-2, B-1)',
      "parent in (C-1)",
    ]);
  });
});
