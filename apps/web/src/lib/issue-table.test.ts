import { describe, expect, it } from "vitest";
import type { IssueContribution } from "../api/okr-types";
import { arrangeIssues } from "./issue-table";

const issue = (key: string, over: Partial<IssueContribution> = {}): IssueContribution => ({
  key,
  url: `https://acme.atlassian.net/browse/${key}`,
  summary: `Story ${key}`,
  statusName: "To Do",
  statusCategoryKey: "new",
  done: false,
  value: 1,
  ...over,
});
const items = [
  issue("AE-10", { summary: "Export campaigns", value: 3 }),
  issue("AE-9", { done: true, statusName: "Done", value: null }),
  issue("ATL-2", { summary: "Campaign list", statusName: "In Progress", value: 5 }),
];

describe("arrangeIssues", () => {
  it.each<[string, string, "key" | "status" | "contribution", string[]]>([
    ["by key, numbers in order", "", "key", ["AE-9", "AE-10", "ATL-2"]],
    ["by status, not done first", "", "status", ["ATL-2", "AE-10", "AE-9"]],
    ["by contribution, largest first, none last", "", "contribution", ["ATL-2", "AE-10", "AE-9"]],
    ["search by summary, any case", "CAMPAIGN", "key", ["AE-10", "ATL-2"]],
    ["search by key", "atl-", "key", ["ATL-2"]],
  ])("%s", (_name, search, sort, keys) => {
    expect(arrangeIssues(items, search, sort).map((row) => row.key)).toEqual(keys);
  });
});
