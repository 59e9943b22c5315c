import type { CheckIn, Forecast } from "../api/okr-types";

/** One x position of the progress chart; each series is absent where it has no point. */
export interface ChartRow {
  t: number;
  progress?: number;
  expected?: number;
  forecast?: number;
}

function rowAt(rows: Map<number, ChartRow>, t: number): ChartRow {
  const row = rows.get(t) ?? { t };
  rows.set(t, row);
  return row;
}

/**
 * The progress chart's rows: every check-in with progress, the expected line from 0% at the period's start
 * to 100% at its end, and the forecast from the last check-in to the projected progress at the period's end.
 */
export function buildChartData(
  history: readonly CheckIn[],
  period: { start: string; end: string },
  forecast: Forecast | null | undefined,
): ChartRow[] {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  const rows = new Map<number, ChartRow>();
  rowAt(rows, start).expected = 0;
  rowAt(rows, end).expected = 100;
  const points = history
    .filter((checkIn) => checkIn.progress !== null && Number.isFinite(checkIn.progress))
    .map((checkIn) => ({ t: Date.parse(checkIn.createdAt), progress: checkIn.progress as number }))
    .sort((a, b) => a.t - b.t);
  for (const point of points) {
    const row = rowAt(rows, point.t);
    row.progress = Math.round(point.progress * 10) / 10;
    if (end > start) row.expected = Math.min(100, Math.max(0, ((point.t - start) / (end - start)) * 100));
  }
  const last = points.at(-1);
  if (last && forecast?.progress !== null && forecast?.progress !== undefined && last.t < end) {
    rowAt(rows, last.t).forecast = Math.round(last.progress * 10) / 10;
    rowAt(rows, end).forecast = Math.round(forecast.progress * 10) / 10;
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/**
 * The top of the chart's y-axis: 100%, or the highest progress rounded up to ten. Only the measured line
 * sets it — never the forecast (an extrapolation off the chart is cut at the edge, not a reason to squash it).
 */
export function chartYMax(rows: readonly ChartRow[]): number {
  const highest = Math.max(100, ...rows.flatMap((row) => (row.progress === undefined ? [] : [row.progress])));
  return Math.ceil(highest / 10) * 10;
}

/** The bottom of the chart's y-axis: 0%, or the lowest progress rounded down to ten (a KPI can go backwards). */
export function chartYMin(rows: readonly ChartRow[]): number {
  const lowest = Math.min(0, ...rows.flatMap((row) => (row.progress === undefined ? [] : [row.progress])));
  return Math.floor(lowest / 10) * 10;
}
