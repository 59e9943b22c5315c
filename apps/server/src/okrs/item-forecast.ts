import { forecastValue, kpiProgress, type Measure } from "@goalpost/domain";
import type { CheckInRow, PeriodRow } from "./okr.repo.ts";

/** Where an item is heading at the end of its period. */
export interface Forecast {
  value: number;
  progress: number | null;
  at: Date;
}

/**
 * The value at the period's end on the least-squares line through the item's check-ins, and the progress it
 * means (a KPI's from its start and target; percent complete's own line otherwise). Null with fewer than two
 * check-ins at distinct times.
 */
export function forecastOf(
  history: readonly Pick<CheckInRow, "createdAt" | "value" | "progress">[],
  measure: Measure | null,
  period: PeriodRow,
): Forecast | null {
  const at = period.endsAt;
  const points = (pick: (row: (typeof history)[number]) => number | null) =>
    history.flatMap((row) => {
      const value = pick(row);
      return value === null ? [] : [{ at: row.createdAt, value }];
    });
  const value = forecastValue(
    points((row) => row.value),
    at,
  );
  if (value === null) return null;
  const progress =
    measure?.kind === "kpi"
      ? kpiProgress(value, measure)
      : forecastValue(
          points((row) => row.progress),
          at,
        );
  return { value, progress, at };
}
