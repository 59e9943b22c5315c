import type { Metric } from "./metric.ts";
import { type MetricIssue, orZero } from "./metric-issue.ts";

const SECONDS_PER_HOUR = 3600;

/** Summable metrics: every metric except `progress`, which is a mean. */
export type SummableMetric = Exclude<Metric, "progress">;

/**
 * What one issue contributes to a summable metric, in Jira's unit (seconds for times); missing counts 0.
 * @example issueAmount({ statusCategoryKey: "new", timespent: 7200 }, "timeSpent") // 7200
 */
export function issueAmount(issue: MetricIssue, metric: SummableMetric): number {
  if (typeof metric !== "string") return orZero(issue.customFields?.[metric.customField]);
  switch (metric) {
    case "count":
      return 1;
    case "timeSpent":
      return orZero(issue.timespent);
    case "originalEstimate":
      return orZero(issue.timeoriginalestimate);
    case "remainingEstimate":
      return orZero(issue.timeestimate);
    case "storyPoints":
      return orZero(issue.storyPoints);
  }
}

/**
 * Σ of a summable metric over `issues`, in the unit Goalpost shows (hours for times).
 * @example sumMetric([{ statusCategoryKey: "done", timespent: 5400 }], "timeSpent") // 1.5
 */
export function sumMetric(issues: readonly MetricIssue[], metric: SummableMetric): number {
  let total = 0;
  for (const issue of issues) total += issueAmount(issue, metric);
  return isTimeMetric(metric) ? total / SECONDS_PER_HOUR : total;
}

/**
 * Whether the metric is a Jira time (seconds), shown in hours.
 * @example isTimeMetric("originalEstimate") // true
 */
export function isTimeMetric(metric: Metric): boolean {
  return metric === "timeSpent" || metric === "originalEstimate" || metric === "remainingEstimate";
}

/**
 * One issue's progress as Jira's `progress.percent` computes it: `timespent / (timespent + timeestimate)`
 * × 100, or `null` when the issue has no tracked time (both 0 or missing).
 * @example issueProgressPercent({ statusCategoryKey: "new", timespent: 3600, timeestimate: 3600 }) // 50
 */
export function issueProgressPercent(issue: MetricIssue): number | null {
  const spent = orZero(issue.timespent);
  const total = spent + orZero(issue.timeestimate);
  return total > 0 ? (spent / total) * 100 : null;
}
