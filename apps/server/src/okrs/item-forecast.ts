import { boundedForecast, type Measure, type Metric } from "@goalpost/domain";
import type { CheckInRow, PeriodRow } from "./okr.repo.ts";

/** Where an item is heading at the end of its period. */
export interface Forecast {
  value: number;
  progress: number | null;
  at: Date;
}

/** An item's forecast, or (forecast null) why there is none: `forecastNote`. */
export interface ItemForecast {
  forecast: Forecast | null;
  forecastNote: string | null;
}

/** No forecast and nothing to say (an item that is not asked for one). */
export const NO_FORECAST: ItemForecast = { forecast: null, forecastNote: null };

/**
 * The value at the period's end on the least-squares line through the item's check-ins, and the progress it
 * means (a KPI's from its start and target; percent complete's own line otherwise), kept within what the
 * metric can reach. Null, with a note saying so, while the history is too short (see `boundedForecast`).
 */
export function forecastOf(
  history: readonly Pick<CheckInRow, "createdAt" | "value" | "progress">[],
  measure: Measure | null,
  period: PeriodRow,
  metric: Metric | null = null,
): ItemForecast {
  const result = boundedForecast(
    history.map((row) => ({ at: row.createdAt, value: row.value, progress: row.progress })),
    measure,
    metric,
    { start: period.startsAt, end: period.endsAt },
  );
  if (result.kind === "not_enough_history") return { forecast: null, forecastNote: result.message };
  return { forecast: { value: result.value, progress: result.progress, at: result.at }, forecastNote: null };
}
