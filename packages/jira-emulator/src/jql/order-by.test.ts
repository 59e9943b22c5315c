import { describe, expect, it } from "vitest";
import { compileJql } from "./compile-jql.ts";
import { fixtureSite, issues } from "./test/fixture-site.ts";

const site = fixtureSite();

function ordered(jql: string): string[] {
  const result = compileJql(jql, site);
  if (!result.ok) throw new Error(result.errorMessages.join(" | "));
  return issues
    .filter((i) => result.query.matches(i))
    .sort(result.query.compare)
    .map((i) => i.key);
}

describe("ORDER BY", () => {
  it.each<[string, string[]]>([
    ["project = AL", ["AL-5", "AL-4", "AL-3", "AL-2", "AL-1"]],
    ["project = AL order by key", ["AL-1", "AL-2", "AL-3", "AL-4", "AL-5"]],
    ["project in (AL, BE) order by key desc", ["BE-2", "BE-1", "AL-5", "AL-4", "AL-3", "AL-2", "AL-1"]],
    ["project = AL order by created", ["AL-4", "AL-3", "AL-5", "AL-2", "AL-1"]],
    ["project = AL order by created asc", ["AL-1", "AL-2", "AL-5", "AL-3", "AL-4"]],
    ["project = AL order by priority", ["AL-4", "AL-1", "AL-5", "AL-2", "AL-3"]],
    ["project = AL order by priority asc, key desc", ["AL-3", "AL-5", "AL-2", "AL-1", "AL-4"]],
    ["project = AL order by duedate", ["AL-5", "AL-2", "AL-4", "AL-3", "AL-1"]],
    ["project = AL order by duedate desc", ["AL-4", "AL-3", "AL-1", "AL-2", "AL-5"]],
    ['project = AL order by "Story point estimate" desc', ["AL-5", "AL-3", "AL-1", "AL-4", "AL-2"]],
    ["project = AL order by status, key", ["AL-3", "AL-1", "AL-4", "AL-2", "AL-5"]],
    ["project = AL order by assignee, key", ["AL-1", "AL-2", "AL-5", "AL-4", "AL-3"]],
    ["project = AL order by Rank", ["AL-2", "AL-1", "AL-3", "AL-5", "AL-4"]],
    ["order by project desc, summary", ["BE-1", "BE-2", "AL-2", "AL-1", "AL-4", "AL-3", "AL-5"]],
  ])("%s", (jql, expected) => {
    expect(ordered(jql)).toEqual(expected);
  });
});
