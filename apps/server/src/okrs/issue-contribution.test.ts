import type { Measure, Metric, MetricIssue } from "@goalpost/domain";
import { describe, expect, it } from "vitest";
import { issueContribution } from "./issue-contribution.ts";

const percent: Measure = { kind: "percent" };
const kpi: Measure = { kind: "kpi", start: 0, target: 10, completedOnly: false };
const completedOnly: Measure = { kind: "kpi", start: 0, target: 10, completedOnly: true };
const done: MetricIssue = {
  statusCategoryKey: "done",
  timespent: 7200,
  timeoriginalestimate: 10_800,
  timeestimate: 0,
  storyPoints: 5,
  customFields: { customfield_10042: 7.5 },
};
const open: MetricIssue = {
  ...done,
  statusCategoryKey: "indeterminate",
  timespent: 3600,
  timeestimate: 3600,
};
const untracked: MetricIssue = { statusCategoryKey: "new" };

describe("issueContribution", () => {
  it.each<[string, MetricIssue, Metric, Measure, number | null]>([
    ["count, done", done, "count", percent, 1],
    ["count, open (percent: counts in the total)", open, "count", percent, 1],
    ["count, open, completed-only KPI", open, "count", completedOnly, 0],
    ["count, done, completed-only KPI", done, "count", completedOnly, 1],
    ["time spent in hours", done, "timeSpent", kpi, 2],
    ["original estimate in hours", done, "originalEstimate", percent, 3],
    ["remaining estimate in hours", open, "remainingEstimate", kpi, 1],
    ["story points", done, "storyPoints", percent, 5],
    ["no story points → 0", untracked, "storyPoints", percent, 0],
    ["custom field", done, { customField: "customfield_10042" }, kpi, 7.5],
    ["progress of an issue: spent / (spent + remaining)", open, "progress", kpi, 50],
    ["progress of an issue tracking no time", untracked, "progress", kpi, null],
  ])("%s → %s", (_name, issue, metric, measure, expected) => {
    expect(issueContribution(issue, metric, measure)).toBe(expected);
  });
});
