import { kpiProgress } from "../metrics/compute-metric.ts";
import type { Measure } from "../metrics/measure.ts";
import type { Metric } from "../metrics/metric.ts";
import { forecastValue, type TimedValue } from "./forecast.ts";

/** Fewest observations (at distinct times) a forecast is drawn from. */
export const FORECAST_MIN_POINTS = 3;
/** Shortest stretch of history a forecast is drawn from: a week, or a tenth of a shorter period. */
export const FORECAST_MIN_SPAN_MS = 7 * 86_400_000;

/** One observation of an item: when, its value and its progress (either may be unknown). */
export interface ForecastPoint {
  readonly at: Date;
  readonly value: number | null;
  readonly progress: number | null;
}

/** A forecast at the period's end, or why there is none. */
export type BoundedForecast =
  | { readonly kind: "forecast"; readonly value: number; readonly progress: number | null; readonly at: Date }
  | { readonly kind: "not_enough_history"; readonly message: string };

/** The range of values a metric can reach (a sum of times, counts or points is never negative). */
export function metricValueRange(metric: Metric | null): { min: number; max: number } {
  if (metric === "progress") return { min: 0, max: 100 };
  if (metric === null || typeof metric === "object") return { min: -Infinity, max: Infinity };
  return { min: 0, max: Infinity };
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

function spanOf(points: readonly TimedValue[]): { count: number; span: number } {
  const times = new Set(points.map((point) => point.at.getTime()));
  if (times.size === 0) return { count: 0, span: 0 };
  return { count: times.size, span: Math.max(...times) - Math.min(...times) };
}

/**
 * Where an item is heading at `period.end`, from the least-squares line through its history — or, when the
 * history is too short to mean anything (fewer than {@link FORECAST_MIN_POINTS} observations, or spread over
 * less than a week / a tenth of the period), a message saying so. The forecast never leaves what the metric
 * can reach: percent complete stays within 0–100%, a KPI's value within the metric's range (its progress
 * follows from that value), a rolled-up objective (no measure) within 0% and the most it has reached or 100%.
 * @example
 * boundedForecast(points, { kind: "percent" }, "count", { start, end }) // { kind: "forecast", progress: 100, … }
 */
export function boundedForecast(
  history: readonly ForecastPoint[],
  measure: Measure | null,
  metric: Metric | null,
  period: { start: Date; end: Date },
): BoundedForecast {
  const pick = (key: "value" | "progress"): TimedValue[] =>
    history.flatMap((point) => {
      const x = point[key];
      return x === null || !Number.isFinite(x) || !Number.isFinite(point.at.getTime())
        ? []
        : [{ at: point.at, value: x }];
    });
  const values = pick("value");
  const progresses = pick("progress");
  const minSpan = Math.min(FORECAST_MIN_SPAN_MS, (period.end.getTime() - period.start.getTime()) / 10);
  const { count, span } = spanOf(values);
  if (count < FORECAST_MIN_POINTS || span < minSpan) {
    const days = Math.max(1, Math.round(minSpan / 86_400_000));
    return {
      kind: "not_enough_history",
      message: `Not enough history for a forecast yet: it needs ${FORECAST_MIN_POINTS} values over at least ${days} day${days === 1 ? "" : "s"}.`,
    };
  }
  const rawValue = forecastValue(values, period.end);
  if (rawValue === null) {
    return { kind: "not_enough_history", message: "Not enough history for a forecast yet." };
  }
  const at = period.end;
  if (measure?.kind === "kpi") {
    const range = metricValueRange(metric);
    const value = clamp(rawValue, range.min, range.max);
    return { kind: "forecast", value, progress: kpiProgress(value, measure), at };
  }
  const rawProgress = forecastValue(progresses, period.end);
  const ceiling = measure === null ? Math.max(100, ...progresses.map((point) => point.value)) : 100;
  const progress = rawProgress === null ? null : clamp(rawProgress, 0, ceiling);
  const range = measure === null ? { min: 0, max: ceiling } : metricValueRange(metric);
  return { kind: "forecast", value: clamp(rawValue, range.min, range.max), progress, at };
}
