import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { Text } from "@mantine/core";
import type { CheckIn, Forecast, Period } from "../api/okr-types";
import { buildChartData, chartYMax, chartYMin } from "../lib/chart-data";

/** Props of {@link ProgressChart}. */
export interface ProgressChartProps {
  history: CheckIn[];
  period: Period;
  forecast?: Forecast | null;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });

/** Progress over the period against the expected line (and the forecast to the period's end, when known). */
export function ProgressChart({ history, period, forecast }: ProgressChartProps) {
  const data = buildChartData(history, period, forecast);
  const hasForecast = data.some((row) => row.forecast !== undefined);
  const now = Date.now();
  const inPeriod = now >= Date.parse(period.start) && now <= Date.parse(period.end);
  return (
    <figure style={{ margin: 0 }} aria-label="Progress over time">
      <LineChart
        h={260}
        data={data}
        dataKey="t"
        series={[
          { name: "progress", label: "Progress", color: "indigo.6" },
          { name: "expected", label: "Expected", color: "gray.5", strokeDasharray: "6 4" },
          ...(hasForecast
            ? [{ name: "forecast", label: "Forecast", color: "teal.6", strokeDasharray: "2 4" }]
            : []),
        ]}
        connectNulls
        lineProps={(series) => (series.name === "progress" ? {} : { dot: false, activeDot: false })}
        curveType="linear"
        withLegend
        legendProps={{ verticalAlign: "bottom" }}
        valueFormatter={(value) => `${Math.round(value)}%`}
        xAxisProps={{
          type: "number",
          scale: "time",
          domain: [Date.parse(period.start), Date.parse(period.end)],
          tickFormatter: (value: number) => dayFormat.format(new Date(value)),
        }}
        yAxisProps={{ domain: [chartYMin(data), chartYMax(data)], allowDataOverflow: true }}
        referenceLines={inPeriod ? [{ x: now, label: "Today", color: "gray.6" }] : []}
        tooltipProps={{
          labelFormatter: (value) =>
            typeof value === "number" ? dayFormat.format(new Date(value)) : String(value),
        }}
      />
      {history.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" mt="xs">
          No check-ins yet: the line starts with the first value.
        </Text>
      )}
    </figure>
  );
}
