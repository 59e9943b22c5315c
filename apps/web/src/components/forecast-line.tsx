import { Text } from "@mantine/core";
import type { Forecast } from "../api/okr-types";
import { formatPercent } from "../lib/format-progress";

/** Props of {@link ForecastLine}. */
export interface ForecastLineProps {
  forecast: Forecast | null;
  /** Why there is no forecast (the server says when the history is too short). */
  note?: string | null | undefined;
  /** The forecast value in the item's unit; omitted, only the percent is shown. */
  valueText?: ((value: number) => string) | undefined;
}

/** "Forecast at period end: 80% (8 issues)", or why there is no forecast yet. */
export function ForecastLine({ forecast, note, valueText }: ForecastLineProps) {
  if (forecast && forecast.progress !== null) {
    return (
      <Text size="sm">
        Forecast at period end: <b>{formatPercent(forecast.progress)}</b>
        {valueText && ` (${valueText(forecast.value)})`}
      </Text>
    );
  }
  if (note) {
    return (
      <Text size="sm" c="dimmed">
        {note}
      </Text>
    );
  }
  return null;
}
