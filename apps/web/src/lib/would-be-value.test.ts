import { describe, expect, it } from "vitest";
import type { JqlCheck, JqlMetricPreview } from "../api/jira-types";
import { draftFromItem, type MeasuredDraft } from "./measured-draft";
import { wouldBeValue } from "./would-be-value";

const base: JqlCheck = {
  valid: true,
  errors: [],
  warnings: [],
  matchCount: 10,
  preview: [],
  metricPreview: null,
};
const preview = (patch: Partial<JqlMetricPreview>): JqlMetricPreview => ({
  value: 3,
  progress: 30,
  reason: null,
  issueCount: 10,
  doneCount: 3,
  partial: false,
  ...patch,
});
const percent = (metric: string): MeasuredDraft => ({
  ...draftFromItem(null, null),
  useJira: true,
  connectionId: "c1",
  jql: "x",
  metric,
});
const kpi = (metric: string, patch: Partial<MeasuredDraft> = {}): MeasuredDraft => ({
  ...percent(metric),
  measureKind: "kpi",
  unit: "",
  start: 0,
  target: 200,
  ...patch,
});

describe("wouldBeValue", () => {
  it.each<[string, JqlCheck, MeasuredDraft, string | null]>([
    [
      "percent of tickets",
      { ...base, metricPreview: preview({}) },
      percent("count"),
      "3 of 10 issues done → 30%",
    ],
    [
      "percent of hours",
      { ...base, metricPreview: preview({ value: 12, progress: 40 }) },
      percent("timeSpent"),
      "40%",
    ],
    [
      "a KPI in hours",
      { ...base, metricPreview: preview({ value: 62, progress: 31 }) },
      kpi("timeSpent"),
      "62 h → 31%",
    ],
    [
      "no data, with the reason",
      { ...base, metricPreview: preview({ value: null, progress: null, reason: "no_issues" }) },
      percent("count"),
      "no value yet: The JQL matches no issues.",
    ],
    [
      "a KPI counting every ticket, without a preview",
      base,
      kpi("count", { unit: "bugs", target: 20 }),
      "10 bugs → 50%",
    ],
    ["a completed-only KPI without a preview", base, kpi("count", { completedOnly: true }), null],
    ["percent complete without a preview", base, percent("count"), null],
  ])("%s", (_name, check, draft, expected) => {
    expect(wouldBeValue(check, draft)?.label ?? null).toBe(expected);
  });

  it("flags a preview computed from part of the issues", () => {
    expect(
      wouldBeValue({ ...base, metricPreview: preview({ partial: true }) }, percent("count"))?.partial,
    ).toBe(true);
  });
});
