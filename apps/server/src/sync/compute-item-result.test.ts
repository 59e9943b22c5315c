import { describe, expect, it } from "vitest";
import { computeItemResult } from "./compute-item-result.ts";

const story = (done: boolean, numbers: Record<string, number | null> = {}) => ({
  statusCategoryKey: done ? "done" : "indeterminate",
  numbers,
});

describe("computeItemResult", () => {
  const cache = new Map([
    ["1", story(true, { customfield_10026: null, customfield_10016: 3, timespent: 3600 })],
    ["2", story(true, { customfield_10026: 5, timespent: 7200 })],
    ["3", story(false, { customfield_10026: 2 })],
  ]);

  it("counts the members once and leaves out issues missing from the cache", () => {
    expect(
      computeItemResult({
        members: ["1", "2", "3", "3", "gone"],
        cache,
        metric: "count",
        measure: { kind: "percent" },
        storyPointFieldIds: [],
      }),
    ).toEqual({ value: 2, progress: (2 / 3) * 100, issueCount: 3, doneCount: 2 });
  });

  it("resolves story points with the connection's fields in order", () => {
    const result = computeItemResult({
      members: ["1", "2", "3"],
      cache,
      metric: "storyPoints",
      measure: { kind: "percent" },
      storyPointFieldIds: ["customfield_10026", "customfield_10016"],
    });
    expect(result).toMatchObject({ value: 8, progress: 80 });
  });

  it("reports no data for an empty query", () => {
    expect(
      computeItemResult({
        members: [],
        cache,
        metric: "count",
        measure: { kind: "percent" },
        storyPointFieldIds: [],
      }),
    ).toEqual({ value: 0, progress: null, reason: "no_issues", issueCount: 0, doneCount: 0 });
  });

  it("reads a numeric custom field for a KPI", () => {
    const withField = new Map([["9", story(false, { customfield_10030: 40 })]]);
    expect(
      computeItemResult({
        members: ["9"],
        cache: withField,
        metric: { customField: "customfield_10030" },
        measure: { kind: "kpi", start: 0, target: 80, completedOnly: false },
        storyPointFieldIds: [],
      }),
    ).toMatchObject({ value: 40, progress: 50 });
  });
});
