import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors/domain-error.ts";
import { type Measure, validateMeasure } from "./measure.ts";
import { isMetricOffered, type Metric, metricName } from "./metric.ts";

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return undefined;
};

const custom: Metric = { customField: "customfield_10042" };

describe("isMetricOffered", () => {
  it.each<[string, Metric, "percent" | "kpi", boolean]>([
    ["count", "count", "percent", true],
    ["timeSpent", "timeSpent", "percent", true],
    ["originalEstimate", "originalEstimate", "percent", true],
    ["remainingEstimate", "remainingEstimate", "percent", false],
    ["progress", "progress", "percent", false],
    ["storyPoints", "storyPoints", "percent", true],
    ["customField", custom, "percent", true],
    ["count", "count", "kpi", true],
    ["timeSpent", "timeSpent", "kpi", true],
    ["originalEstimate", "originalEstimate", "kpi", true],
    ["remainingEstimate", "remainingEstimate", "kpi", true],
    ["progress", "progress", "kpi", true],
    ["storyPoints", "storyPoints", "kpi", true],
    ["customField", custom, "kpi", true],
  ])("%s with %s: %s", (_name, metric, kind, offered) => {
    expect(isMetricOffered(metric, kind)).toBe(offered);
  });
});

describe("validateMeasure", () => {
  it.each<[string, Measure, Metric | undefined, string | undefined]>([
    ["percent", { kind: "percent" }, undefined, undefined],
    ["percent of count", { kind: "percent" }, "count", undefined],
    ["percent of remaining estimate", { kind: "percent" }, "remainingEstimate", "metric_not_offered"],
    ["percent of progress", { kind: "percent" }, "progress", "metric_not_offered"],
    ["KPI 0 → 20", { kind: "kpi", start: 0, target: 20, completedOnly: true }, "count", undefined],
    [
      "KPI 50 → 10 (target below start)",
      { kind: "kpi", start: 50, target: 10, completedOnly: false },
      undefined,
      undefined,
    ],
    [
      "KPI of progress",
      { kind: "kpi", unit: "%", start: 0, target: 100, completedOnly: false },
      "progress",
      undefined,
    ],
    [
      "KPI target == start",
      { kind: "kpi", start: 10, target: 10, completedOnly: false },
      undefined,
      "validation_failed",
    ],
    [
      "KPI 0 == −0",
      { kind: "kpi", start: 0, target: -0, completedOnly: false },
      undefined,
      "validation_failed",
    ],
    [
      "KPI NaN start",
      { kind: "kpi", start: Number.NaN, target: 1, completedOnly: false },
      undefined,
      "validation_failed",
    ],
    [
      "KPI infinite target",
      { kind: "kpi", start: 0, target: Number.NEGATIVE_INFINITY, completedOnly: false },
      undefined,
      "validation_failed",
    ],
  ])("%s → %s", (_name, measure, metric, code) => {
    expect(codeOf(() => validateMeasure(measure, metric))).toBe(code);
  });

  it("names the offending field", () => {
    try {
      validateMeasure({ kind: "kpi", start: 3, target: 3, completedOnly: false });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, "validation_failed") && error.details).toEqual({
        field: "target",
        rule: "target_equals_start",
        fields: { target: "must differ from the start" },
      });
    }
  });
});

describe("metricName", () => {
  it.each<[Metric, string]>([
    ["count", "count"],
    [custom, "customField:customfield_10042"],
  ])("%j → %s", (metric, name) => {
    expect(metricName(metric)).toBe(name);
  });
});
