import type { Measure, Metric } from "@goalpost/domain";
import { metricUnit } from "./metric-options";

const numberFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** A percentage as shown everywhere: rounded to a whole number ("27%"), or "No data". */
export function formatPercent(progress: number | null | undefined): string {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return "No data";
  return `${Math.round(progress)}%`;
}

/** A number with at most one decimal ("12.5"). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/**
 * A measured value with its unit: a KPI's own unit when set, otherwise the metric's ("3 issues", "12.5 h").
 * Percent-complete manual key results show a percentage.
 */
export function formatValue(
  value: number | null | undefined,
  measure: Measure | null,
  metric: Metric | null,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const unit = (measure?.kind === "kpi" && measure.unit) || (metric ? metricUnit(metric) : "");
  if (!metric && measure?.kind !== "kpi") return `${formatNumber(value)}%`;
  if (unit === "%") return `${formatNumber(value)}%`;
  if (!unit) return formatNumber(value);
  return `${formatNumber(value)} ${value === 1 && unit === "issues" ? "issue" : unit}`;
}

/** The bar's fill: progress clamped to 0–100 (the number itself is shown unclamped). */
export function barValue(progress: number | null | undefined): number {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return 0;
  return Math.min(100, Math.max(0, progress));
}

/**
 * One line saying where an item stands: "3 of 10 issues done", "12 of 20 bugs (from 0)", "45%".
 */
export function describeValue(item: {
  measure: Measure | null;
  dataSource: { metric: Metric } | null;
  state: {
    value: number | null;
    issueCount?: number | null;
    doneCount?: number | null;
    noDataMessage?: string | null;
  };
}): string {
  const { measure, dataSource, state } = item;
  const metric = dataSource?.metric ?? null;
  if (state.value === null && state.noDataMessage) return state.noDataMessage;
  if (measure?.kind === "kpi") {
    const target = formatValue(measure.target, measure, metric);
    const current = state.value === null ? "No value yet" : formatValue(state.value, measure, metric);
    return `${current} · target ${target}${measure.start === 0 ? "" : ` (from ${formatNumber(measure.start)})`}`;
  }
  if (metric === "count" && typeof state.issueCount === "number" && typeof state.doneCount === "number") {
    return `${state.doneCount} of ${state.issueCount} issues done`;
  }
  if (metric)
    return state.value === null ? "No value yet" : `${formatValue(state.value, measure, metric)} done`;
  return "";
}

/** "1 objective", "3 objectives". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
