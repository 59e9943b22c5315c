import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors/domain-error.ts";
import { computeMetric } from "./compute-metric.ts";
import type { KpiMeasure, Measure } from "./measure.ts";
import { type Metric, NAMED_METRICS } from "./metric.ts";
import type { MetricIssue } from "./metric-issue.ts";

const HOUR = 3600;
const CF = "customfield_10042";
const custom: Metric = { customField: CF };

/**
 * S = A..E, D = A, B. Hand-computed sums (S / D):
 * count 5 / 2; timespent 2.5h / 1.5h; original 6h / 3h; remaining 2.5h / 0.5h; story points 10 / 5;
 * custom field 15 / 15; progress per issue A 100, B 50, C 50, D 0, E left out → mean 50 / 75.
 */
const ISSUES: readonly MetricIssue[] = [
  {
    statusCategoryKey: "done",
    timespent: HOUR,
    timeoriginalestimate: 2 * HOUR,
    timeestimate: 0,
    storyPoints: 3,
    customFields: { [CF]: 10 },
  },
  {
    statusCategoryKey: "done",
    timespent: HOUR / 2,
    timeoriginalestimate: HOUR,
    timeestimate: HOUR / 2,
    storyPoints: 2,
    customFields: { [CF]: 5 },
  },
  {
    statusCategoryKey: "indeterminate",
    timespent: HOUR,
    timeoriginalestimate: 2 * HOUR,
    timeestimate: HOUR,
    storyPoints: 5,
    customFields: { [CF]: null },
  },
  {
    statusCategoryKey: "new",
    timespent: null,
    timeoriginalestimate: HOUR,
    timeestimate: HOUR,
    storyPoints: null,
    customFields: {},
  },
  { statusCategoryKey: "new" },
];

const kpi = (start: number, target: number, completedOnly: boolean): KpiMeasure => ({
  kind: "kpi",
  start,
  target,
  completedOnly,
});
const PERCENT: Measure = { kind: "percent" };

const stories = (done: number, total: number): MetricIssue[] =>
  Array.from({ length: total }, (_, i) => ({ statusCategoryKey: i < done ? "done" : "new" }));

const refusal = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return undefined;
};

describe("computeMetric: percent complete, every offered metric", () => {
  it.each<[string, Metric, number, number]>([
    ["count", "count", 2, 40],
    ["timeSpent", "timeSpent", 1.5, 60],
    ["originalEstimate", "originalEstimate", 3, 50],
    ["storyPoints", "storyPoints", 5, 50],
    ["customField", custom, 15, 100],
  ])("%s → value %d, progress %d percent", (_name, metric, value, progress) => {
    expect(computeMetric(ISSUES, metric, PERCENT)).toEqual({ value, progress });
  });
});

describe("computeMetric: KPI (start 0, target 10), every metric × completed-only", () => {
  it.each<[string, Metric, boolean, number, number]>([
    ["count", "count", false, 5, 50],
    ["count", "count", true, 2, 20],
    ["timeSpent", "timeSpent", false, 2.5, 25],
    ["timeSpent", "timeSpent", true, 1.5, 15],
    ["originalEstimate", "originalEstimate", false, 6, 60],
    ["originalEstimate", "originalEstimate", true, 3, 30],
    ["remainingEstimate", "remainingEstimate", false, 2.5, 25],
    ["remainingEstimate", "remainingEstimate", true, 0.5, 5],
    ["progress", "progress", false, 50, 500],
    ["progress", "progress", true, 75, 750],
    ["storyPoints", "storyPoints", false, 10, 100],
    ["storyPoints", "storyPoints", true, 5, 50],
    ["customField", custom, false, 15, 150],
    ["customField", custom, true, 15, 150],
  ])(
    "%s, completed only %s → value %d, progress %d percent",
    (_name, metric, completedOnly, value, progress) => {
      const result = computeMetric(ISSUES, metric, kpi(0, 10, completedOnly));
      expect(result.value).toBeCloseTo(value, 10);
      expect(result.progress).toBeCloseTo(progress, 10);
      expect(result.reason).toBeUndefined();
    },
  );
});

describe("computeMetric: worked examples", () => {
  it.each<[string, number, number, number]>([
    ["epic of 10 stories, 3 done", 3, 10, 30],
    ["an 11th story is added", 3, 11, 27.272727272727273],
    ["all done", 10, 10, 100],
    ["none done", 0, 10, 0],
  ])("percent complete by count: %s → %d percent", (_name, done, total, progress) => {
    const result = computeMetric(stories(done, total), "count", PERCENT);
    expect(result.value).toBe(done);
    expect(result.progress).toBeCloseTo(progress, 10);
  });

  it("27.27… rounds to the 27% shown", () => {
    expect(Math.round(computeMetric(stories(3, 11), "count", PERCENT).progress ?? Number.NaN)).toBe(27);
  });

  it.each<[number, number, number]>([
    [0, 5, 0],
    [10, 15, 50],
    [19, 40, 95],
    [20, 20, 100],
    [20, 35, 100],
    [20, 200, 100],
    [25, 60, 125],
  ])(
    "fix 20 bugs (KPI, count, completed only, 0 → 20): %d done of %d → %d percent",
    (done, total, progress) => {
      const result = computeMetric(stories(done, total), "count", kpi(0, 20, true));
      expect(result).toEqual({ value: done, progress });
    },
  );

  it.each<[number, number]>([
    [50, 0],
    [40, 25],
    [30, 50],
    [10, 100],
    [0, 125],
    [60, -25],
  ])("reduce bugs from 50 to 10 (KPI, count of open bugs): %d open → %d percent", (open, progress) => {
    expect(computeMetric(stories(0, open), "count", kpi(50, 10, false))).toEqual({ value: open, progress });
  });
});

describe("computeMetric: no data, never NaN or a silent 0", () => {
  it.each<[string, Metric]>([
    ["count", "count"],
    ["timeSpent", "timeSpent"],
    ["originalEstimate", "originalEstimate"],
    ["storyPoints", "storyPoints"],
    ["customField", custom],
  ])("percent complete of %s over no issues → no_issues", (_name, metric) => {
    expect(computeMetric([], metric, PERCENT)).toEqual({ value: 0, progress: null, reason: "no_issues" });
  });

  const unvalued: MetricIssue[] = [
    { statusCategoryKey: "done", timespent: null, customFields: { [CF]: null } },
    { statusCategoryKey: "new", timeoriginalestimate: 0, storyPoints: null },
  ];
  it.each<[string, Metric]>([
    ["timeSpent", "timeSpent"],
    ["originalEstimate", "originalEstimate"],
    ["storyPoints", "storyPoints"],
    ["customField", custom],
    ["custom field absent from every issue", { customField: "customfield_99999" }],
  ])("percent complete of %s with no values (zero denominator) → no_values", (_name, metric) => {
    expect(computeMetric(unvalued, metric, PERCENT)).toEqual({
      value: 0,
      progress: null,
      reason: "no_values",
    });
  });

  it.each<[string, MetricIssue[], boolean, string]>([
    ["no issues", [], false, "no_issues"],
    ["no issues, completed only", [], true, "no_issues"],
    [
      "none done, completed only",
      [{ statusCategoryKey: "new", timespent: HOUR }],
      true,
      "no_completed_issues",
    ],
    [
      "no tracked time",
      [{ statusCategoryKey: "new" }, { statusCategoryKey: "done", timespent: 0 }],
      false,
      "no_tracked_time",
    ],
    [
      "done issues without tracked time",
      [{ statusCategoryKey: "done" }, { statusCategoryKey: "new", timespent: 1 }],
      true,
      "no_tracked_time",
    ],
  ])("KPI of the progress metric, %s → null value, %s", (_name, issues, completedOnly, reason) => {
    expect(computeMetric(issues, "progress", kpi(0, 100, completedOnly))).toEqual({
      value: null,
      progress: null,
      reason,
    });
  });

  it.each<[string, Metric]>([
    ["count", "count"],
    ["timeSpent", "timeSpent"],
    ["remainingEstimate", "remainingEstimate"],
    ["storyPoints", "storyPoints"],
    ["customField", custom],
  ])("KPI sum of %s over no issues is a real 0 (progress from the start)", (_name, metric) => {
    expect(computeMetric([], metric, kpi(0, 20, false))).toEqual({ value: 0, progress: 0 });
    expect(computeMetric([], metric, kpi(50, 10, false))).toEqual({ value: 0, progress: 125 });
  });

  const metrics: Metric[] = [...NAMED_METRICS, custom];
  const measures: Measure[] = [PERCENT, kpi(0, 10, false), kpi(0, 10, true), kpi(10, -5, false)];
  const sets: MetricIssue[][] = [[], [...ISSUES], unvalued, stories(0, 3), stories(3, 3)];
  it.each(
    metrics.flatMap((metric) =>
      measures.flatMap((measure) => sets.map((issues, set) => ({ metric, measure, issues, set }))),
    ),
  )("no NaN: %j", ({ metric, measure, issues }) => {
    if (refusal(() => computeMetric(issues, metric, measure)) !== undefined) return;
    const { value, progress, reason } = computeMetric(issues, metric, measure);
    expect(value === null || Number.isFinite(value)).toBe(true);
    expect(progress === null ? reason !== undefined : Number.isFinite(progress) && reason === undefined).toBe(
      true,
    );
  });
});

describe("computeMetric: values and progress metric details", () => {
  it("converts seconds to hours", () => {
    const issues: MetricIssue[] = [{ statusCategoryKey: "new", timespent: 5400, timeestimate: 900 }];
    expect(computeMetric(issues, "timeSpent", kpi(0, 3, false))).toEqual({ value: 1.5, progress: 50 });
    expect(computeMetric(issues, "remainingEstimate", kpi(0, 1, false))).toEqual({
      value: 0.25,
      progress: 25,
    });
  });

  it("counts done by status category whatever else the issue says", () => {
    const issues: MetricIssue[] = [
      { statusCategoryKey: "done", timeestimate: HOUR },
      { statusCategoryKey: "indeterminate" },
      { statusCategoryKey: "undefined" },
    ];
    expect(computeMetric(issues, "count", PERCENT).value).toBe(1);
  });

  it("averages the progress metric like Jira's progress.percent, leaving out issues without tracked time", () => {
    const issues: MetricIssue[] = [
      { statusCategoryKey: "new", timespent: HOUR, timeestimate: 3 * HOUR }, // 25
      { statusCategoryKey: "new", timespent: 0, timeestimate: HOUR }, // 0: estimated, nothing spent
      { statusCategoryKey: "new", timespent: 2 * HOUR, timeestimate: null }, // 100: spent, nothing remaining
      { statusCategoryKey: "new" }, // left out
    ];
    expect(computeMetric(issues, "progress", kpi(0, 100, false)).value).toBeCloseTo(125 / 3, 10);
  });

  it("treats non-finite field values as missing", () => {
    const issues: MetricIssue[] = [
      {
        statusCategoryKey: "done",
        storyPoints: Number.NaN,
        customFields: { [CF]: Number.POSITIVE_INFINITY },
      },
      { statusCategoryKey: "new", storyPoints: 4, customFields: { [CF]: 2 } },
    ];
    expect(computeMetric(issues, "storyPoints", PERCENT)).toEqual({ value: 0, progress: 0 });
    expect(computeMetric(issues, custom, PERCENT)).toEqual({ value: 0, progress: 0 });
  });
});

describe("computeMetric: refusals", () => {
  it.each<[string, Metric, Measure, string]>([
    ["percent complete of remaining estimate", "remainingEstimate", PERCENT, "metric_not_offered"],
    ["percent complete of progress", "progress", PERCENT, "metric_not_offered"],
    ["a KPI whose target equals its start", "count", kpi(10, 10, false), "validation_failed"],
    ["a KPI with a NaN start", "count", kpi(Number.NaN, 10, false), "validation_failed"],
    ["a KPI with an infinite target", "count", kpi(0, Number.POSITIVE_INFINITY, false), "validation_failed"],
  ])("%s → %s", (_name, metric, measure, code) => {
    expect(refusal(() => computeMetric(ISSUES, metric, measure))).toBe(code);
  });
});
