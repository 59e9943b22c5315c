import { type KpiMeasure, type Measure, metricNotOffered, validateMeasure } from "./measure.ts";
import { isMetricOffered, type Metric } from "./metric.ts";
import { issueProgressPercent, type SummableMetric, sumMetric } from "./metric-amount.ts";
import { isDone, type MetricIssue } from "./metric-issue.ts";
import type { NoDataReason } from "./no-data-reason.ts";
import { isStorableNumber } from "./number-bounds.ts";

/**
 * A key result's number and progress.
 * - `value`: the metric's own number (issues, hours, points, percent for the progress metric). For percent
 *   complete it is the done part (Σ over `D`); `null` only when the metric has no value at all.
 * - `progress`: percent, unclamped (may exceed 100 or be negative); `null` with a `reason` when there is no data.
 */
export interface MetricResult {
  readonly value: number | null;
  readonly progress: number | null;
  readonly reason?: NoDataReason;
}

/**
 * Computes a key result from the issues its JQL matches (`S`), per progress-rules.md.
 * Throws `DomainError("metric_not_offered")` for percent complete of remaining estimate or progress, and
 * `DomainError("validation_failed")` for a KPI whose target equals its start.
 * @example
 * const stories = [...Array(3).fill({ statusCategoryKey: "done" }), ...Array(7).fill({ statusCategoryKey: "new" })];
 * computeMetric(stories, "count", { kind: "percent" }) // { value: 3, progress: 30 }
 */
export function computeMetric(
  issues: readonly MetricIssue[],
  metric: Metric,
  measure: Measure,
): MetricResult {
  validateMeasure(measure);
  if (measure.kind === "kpi") return withinBounds(computeKpi(issues, metric, measure));
  if (metric === "progress" || !isMetricOffered(metric, "percent")) throw metricNotOffered(metric, "percent");
  return withinBounds(computePercentComplete(issues, metric));
}

/** A result whose numbers cannot be kept (a sum of huge Jira values) becomes "no data", never ±Infinity. */
function withinBounds(result: MetricResult): MetricResult {
  const fits = (n: number | null) => n === null || isStorableNumber(n);
  if (fits(result.value) && fits(result.progress)) return result;
  return { value: null, progress: null, reason: "out_of_range" };
}

function computePercentComplete(issues: readonly MetricIssue[], metric: SummableMetric): MetricResult {
  const done = sumMetric(issues.filter(isDone), metric);
  if (issues.length === 0) return { value: done, progress: null, reason: "no_issues" };
  const all = sumMetric(issues, metric);
  if (all === 0) return { value: done, progress: null, reason: "no_values" };
  return { value: done, progress: (done / all) * 100 };
}

function computeKpi(issues: readonly MetricIssue[], metric: Metric, measure: KpiMeasure): MetricResult {
  const counted = measure.completedOnly ? issues.filter(isDone) : issues;
  if (metric === "progress") {
    const percents = counted.map(issueProgressPercent).filter((p): p is number => p !== null);
    if (percents.length === 0) {
      return { value: null, progress: null, reason: noTrackedTimeReason(issues, counted, measure) };
    }
    const mean = percents.reduce((sum, p) => sum + p, 0) / percents.length;
    return { value: mean, progress: kpiProgress(mean, measure) };
  }
  const value = sumMetric(counted, metric);
  return { value, progress: kpiProgress(value, measure) };
}

function noTrackedTimeReason(
  issues: readonly MetricIssue[],
  counted: readonly MetricIssue[],
  measure: KpiMeasure,
): NoDataReason {
  if (issues.length === 0) return "no_issues";
  if (measure.completedOnly && counted.length === 0) return "no_completed_issues";
  return "no_tracked_time";
}

/**
 * KPI progress in percent: `(current − start) / (target − start)` × 100, unclamped. Works for a target
 * below the start (reduce bugs from 50 to 10). The caller guarantees `target ≠ start` (`validateMeasure`).
 * @example kpiProgress(30, { start: 50, target: 10 }) // 50
 */
export function kpiProgress(current: number, measure: Pick<KpiMeasure, "start" | "target">): number {
  // `+ 0` turns −0 (current == start with target < start) into 0.
  return ((current - measure.start) / (measure.target - measure.start)) * 100 + 0;
}
