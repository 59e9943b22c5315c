import { describe, expect, it } from "vitest";
import { changedSinceJql, combineJqls, stripOrderBy } from "./jql-text.ts";

describe("stripOrderBy", () => {
  it.each([
    ["project = AE", "project = AE"],
    ["project = AE ORDER BY rank", "project = AE"],
    ["project = AE order   by created DESC, key", "project = AE"],
    ['summary ~ "order by" ORDER BY key', 'summary ~ "order by"'],
    ["summary ~ 'x \\' order by' order by key", "summary ~ 'x \\' order by'"],
    ["ORDER BY created", ""],
    ["(project = AE)ORDER BY key", "(project = AE)"],
    ["reorder by = 1", "reorder by = 1"],
  ])("%s → %s", (input, expected) => {
    expect(stripOrderBy(input)).toBe(expected);
  });
});

describe("combineJqls", () => {
  it("ORs the queries in parentheses without their ORDER BY", () => {
    expect(combineJqls(["project = A ORDER BY key", "parent = A-1"], "")).toEqual([
      "(project = A) OR (parent = A-1)",
    ]);
  });

  it("splits into chunks that fit the limit with the suffix", () => {
    const chunks = combineJqls(["a = 1", "b = 2", "c = 3"], " AND updated >= -5m", 40);
    expect(chunks).toEqual(["(a = 1) OR (b = 2)", "(c = 3)"]);
    for (const chunk of chunks) expect(chunk.length + " AND updated >= -5m".length).toBeLessThanOrEqual(40);
  });

  it("gives an over-long query its own chunk", () => {
    const long = `summary ~ "${"x".repeat(60)}"`;
    expect(combineJqls(["a = 1", long, "b = 2"], "", 30)).toEqual(["(a = 1)", `(${long})`, "(b = 2)"]);
  });

  it("returns nothing for no queries", () => {
    expect(combineJqls([], "")).toEqual([]);
  });
});

describe("changedSinceJql", () => {
  it.each([
    [65, "(x) AND updated >= -65m"],
    [0.2, "(x) AND updated >= -1m"],
    [61.5, "(x) AND updated >= -62m"],
  ])("%d minutes", (minutes, expected) => {
    expect(changedSinceJql("x", minutes)).toBe(expected);
  });
});
