import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors/domain-error.ts";
import { computeMetric } from "./compute-metric.ts";
import { validateMeasure } from "./measure.ts";
import type { MetricIssue } from "./metric-issue.ts";
import {
  assertEnteredNumber,
  isStorableNumber,
  MAX_COMPUTED_NUMBER,
  MAX_ENTERED_NUMBER,
} from "./number-bounds.ts";

describe("entered numbers", () => {
  it.each([0, -1, 1e-320, MAX_ENTERED_NUMBER, -MAX_ENTERED_NUMBER])("accepts %s", (value) => {
    expect(() => assertEnteredNumber("value", value)).not.toThrow();
  });
  it.each([1e308, -1e13, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN])(
    "refuses %s",
    (value) => {
      try {
        assertEnteredNumber("value", value);
        expect.unreachable();
      } catch (error) {
        expect(isDomainError(error, "validation_failed")).toBe(true);
        expect(error).toMatchObject({ details: { field: "value", rule: "out_of_range" } });
      }
    },
  );
});

describe("KPI start and target", () => {
  it.each([
    [0, 1e-320, "target_too_close"],
    [5, 5 + 1e-9, "target_too_close"],
    [5, 5, "target_equals_start"],
    [0, 1e308, "out_of_range"],
    [Number.NaN, 1, "out_of_range"],
  ])("refuses %s → %s (%s)", (start, target, rule) => {
    expect(() => validateMeasure({ kind: "kpi", start, target, completedOnly: false })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ rule }) }),
    );
  });
  it("accepts the closest span and the widest range", () => {
    expect(() =>
      validateMeasure({ kind: "kpi", start: 0, target: 1e-6, completedOnly: false }),
    ).not.toThrow();
    expect(() =>
      validateMeasure({
        kind: "kpi",
        start: -MAX_ENTERED_NUMBER,
        target: MAX_ENTERED_NUMBER,
        completedOnly: false,
      }),
    ).not.toThrow();
  });
});

describe("computed numbers", () => {
  const huge = (n: number): MetricIssue => ({
    statusCategoryKey: "done",
    customFields: { customfield_1: n },
  });
  it("turns a sum of huge Jira values into no data (out_of_range), never Infinity", () => {
    const issues = [huge(1e308), huge(1e308)];
    const metric = { customField: "customfield_1" };
    expect(
      computeMetric(issues, metric, { kind: "kpi", start: 0, target: 10, completedOnly: false }),
    ).toEqual({
      value: null,
      progress: null,
      reason: "out_of_range",
    });
    expect(computeMetric(issues, metric, { kind: "percent" })).toEqual({
      value: null,
      progress: null,
      reason: "out_of_range",
    });
  });
  it("keeps large but storable results", () => {
    const result = computeMetric(
      [huge(1e12)],
      { customField: "customfield_1" },
      {
        kind: "kpi",
        start: 0,
        target: 1e-6,
        completedOnly: false,
      },
    );
    expect(result.progress).toBeCloseTo(1e20, -8);
    expect(isStorableNumber(result.progress ?? Number.NaN)).toBe(true);
    expect(isStorableNumber(MAX_COMPUTED_NUMBER * 10)).toBe(false);
  });
});
