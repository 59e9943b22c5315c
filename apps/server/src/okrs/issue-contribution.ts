import {
  isDone,
  issueAmount,
  issueProgressPercent,
  isTimeMetric,
  type Measure,
  type Metric,
  type MetricIssue,
} from "@goalpost/domain";

const SECONDS_PER_HOUR = 3600;

/**
 * What one issue adds to an item's number under `metric` and `measure`: 1 for count, hours for the time
 * metrics, its points or field value, its own percent for the progress metric (null when it tracks no time).
 * A completed-only KPI counts nothing from an issue that is not done.
 * @example issueContribution({ statusCategoryKey: "done", timespent: 7200 }, "timeSpent", { kind: "percent" }) // 2
 */
export function issueContribution(issue: MetricIssue, metric: Metric, measure: Measure): number | null {
  if (measure.kind === "kpi" && measure.completedOnly && !isDone(issue)) return 0;
  if (metric === "progress") return issueProgressPercent(issue);
  const amount = issueAmount(issue, metric);
  return isTimeMetric(metric) ? amount / SECONDS_PER_HOUR : amount;
}
