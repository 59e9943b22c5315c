import { DomainError } from "../errors/domain-error.ts";
import { isMetricOffered, type Metric, metricName } from "./metric.ts";
import { assertEnteredNumber, MIN_KPI_SPAN } from "./number-bounds.ts";

/** Percent complete: done / all, by the chosen metric. */
export interface PercentMeasure {
  readonly kind: "percent";
}

/** A KPI: the metric's own value, tracked from `start` towards `target`. */
export interface KpiMeasure {
  readonly kind: "kpi";
  readonly unit?: string;
  readonly start: number;
  readonly target: number;
  /** Count only issues in Jira's Done status category (`D`) instead of every matching issue (`S`). */
  readonly completedOnly: boolean;
}

/**
 * How a key result turns its metric into progress.
 * @example const measure: Measure = { kind: "kpi", start: 0, target: 20, completedOnly: true };
 */
export type Measure = PercentMeasure | KpiMeasure;

/**
 * Refuses a measure that cannot be saved: a KPI whose start or target is not a finite number within
 * ±MAX_ENTERED_NUMBER, a KPI whose target is within {@link MIN_KPI_SPAN} of its start (progress would
 * divide by zero or explode), or — when `metric` is given — a metric that the measure does not offer (percent
 * complete of remaining estimate or progress).
 * Throws `DomainError("validation_failed")` or `DomainError("metric_not_offered")`.
 * @example validateMeasure({ kind: "kpi", start: 5, target: 5, completedOnly: false }) // throws validation_failed
 */
export function validateMeasure(measure: Measure, metric?: Metric): void {
  if (measure.kind === "kpi") {
    for (const field of ["start", "target"] as const) assertEnteredNumber(field, measure[field]);
    if (measure.target === measure.start) {
      throw new DomainError("validation_failed", "The KPI target must differ from its start.", {
        field: "target",
        rule: "target_equals_start",
        fields: { target: "must differ from the start" },
      });
    }
    if (Math.abs(measure.target - measure.start) < MIN_KPI_SPAN) {
      throw new DomainError(
        "validation_failed",
        `The KPI target must differ from its start by at least ${MIN_KPI_SPAN}.`,
        { field: "target", rule: "target_too_close", fields: { target: "too close to the start" } },
      );
    }
  }
  if (metric !== undefined) assertMetricOffered(metric, measure.kind);
}

/**
 * Throws `DomainError("metric_not_offered")` when `metric` cannot be used with a measure of `kind`.
 * @example assertMetricOffered("progress", "percent") // throws metric_not_offered
 */
export function assertMetricOffered(metric: Metric, kind: Measure["kind"]): void {
  if (!isMetricOffered(metric, kind)) throw metricNotOffered(metric, kind);
}

/**
 * The error for a metric that a measure of `kind` does not offer.
 * @example throw metricNotOffered("remainingEstimate", "percent");
 */
export function metricNotOffered(metric: Metric, kind: Measure["kind"]): DomainError {
  return new DomainError(
    "metric_not_offered",
    `Percent complete is not offered for the ${metricName(metric)} metric; use a KPI.`,
    { metric: metricName(metric), measure: kind },
  );
}
