import { describe, expect, it } from "vitest";
import type { PendingChange } from "../sync/pending-changes.repo.ts";
import { affectedQueries, type KnownQuery } from "./affected-queries.ts";

const queries: KnownQuery[] = [
  { jql: "project = AE AND status = Done", memberIds: ["10"] },
  { jql: "project = OPS", memberIds: ["20"] },
  { jql: "parent = AE-786", memberIds: ["11", "12"] },
  { jql: '"Epic Link" = OPS-5', memberIds: [] },
  { jql: "labels = okr", memberIds: ["30"] },
  { jql: "project in (WEB, MOB)", memberIds: [] },
];
const change = (issueKey: string | null, more: Partial<PendingChange> = {}): PendingChange => ({
  issueId: null,
  issueKey,
  parentKey: null,
  ...more,
});

describe("affectedQueries", () => {
  it.each<[string, PendingChange[], string[]]>([
    [
      "an AE story: AE's queries, the AE epic and the unbounded one",
      [change("AE-900")],
      ["project = AE AND status = Done", "parent = AE-786", "labels = okr"],
    ],
    [
      "a member leaving its query (now in another project) still re-reads that query",
      [change("MOB-3", { issueId: "20" })],
      ["project = OPS", "labels = okr", "project in (WEB, MOB)"],
    ],
    [
      "a story of another project moved under AE-786 re-reads that epic",
      [change("WEB-1", { parentKey: "ae-786" })],
      ["parent = AE-786", "labels = okr", "project in (WEB, MOB)"],
    ],
    ["a project nobody reads: only the unbounded query", [change("HR-1")], ["labels = okr"]],
    ["no key (an event without its issue): everything", [change(null)], queries.map((q) => q.jql)],
  ])("%s", (_name, changes, expected) => {
    expect(affectedQueries(changes, queries)).toEqual(expected);
  });

  it("nothing changed, nothing to read", () => {
    expect(affectedQueries([], queries)).toEqual([]);
  });
});
