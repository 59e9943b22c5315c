import { describe, expect, it } from "vitest";
import type { Measure } from "../metrics/measure.ts";
import type { Metric } from "../metrics/metric.ts";
import { boundedForecast, type ForecastPoint, metricValueRange } from "./bounded-forecast.ts";

const quarter = { start: new Date("2026-10-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z") };
const day = (n: number, minutes = 0) => new Date(quarter.start.getTime() + n * 86_400_000 + minutes * 60_000);
const point = (at: Date, value: number | null, progress: number | null): ForecastPoint => ({
  at,
  value,
  progress,
});
const percent: Measure = { kind: "percent" };

describe("boundedForecast", () => {
  it("says there is not enough history when the points span a minute (the 11th story case)", () => {
    // 3 of 10 done, then an 11th story a minute later: 30% → 27.3%; extrapolated, −114918%.
    const history = [point(day(60), 3, 30), point(day(60, 1), 3, 300 / 11), point(day(60, 2), 3, 300 / 11)];
    const forecast = boundedForecast(history, percent, "count", quarter);
    expect(forecast).toEqual({
      kind: "not_enough_history",
      message: "Not enough history for a forecast yet: it needs 3 values over at least 7 days.",
    });
  });

  it.each<[string, ForecastPoint[]]>([
    ["no history", []],
    ["one point", [point(day(1), 1, 10)]],
    ["two points a month apart", [point(day(1), 1, 10), point(day(31), 3, 30)]],
    ["three points over six days", [point(day(1), 1, 10), point(day(4), 2, 20), point(day(7), 3, 30)]],
    [
      "three points at two distinct times",
      [point(day(1), 1, 10), point(day(1), 2, 20), point(day(20), 3, 30)],
    ],
  ])("%s: not enough history", (_name, history) => {
    expect(boundedForecast(history, percent, "count", quarter).kind).toBe("not_enough_history");
  });

  it("short periods need a tenth of the period rather than a week", () => {
    const tenDays = { start: day(0), end: day(10) };
    const history = [point(day(0), 0, 0), point(day(1), 1, 10), point(day(2), 2, 20)];
    const forecast = boundedForecast(history, percent, "count", tenDays);
    expect(forecast.kind).toBe("forecast");
    if (forecast.kind === "forecast") expect(forecast.progress).toBeCloseTo(100, 9);
  });

  it.each<[string, ForecastPoint[], Measure | null, Metric | null, number | null, number]>([
    [
      "percent complete heading past 100% stops at 100%",
      [point(day(0), 1, 10), point(day(10), 4, 40), point(day(20), 7, 70)],
      percent,
      "count",
      100,
      28.6,
    ],
    [
      "percent complete heading below 0% stops at 0%",
      [point(day(0), 9, 90), point(day(10), 5, 50), point(day(20), 1, 10)],
      percent,
      "count",
      0,
      0,
    ],
    [
      "a KPI count never forecasts fewer than 0 issues",
      [point(day(0), 40, 20), point(day(10), 30, 40), point(day(20), 20, 60)],
      { kind: "kpi", start: 50, target: 0, completedOnly: false },
      "count",
      100,
      0,
    ],
    [
      "the progress metric never forecasts above 100%",
      [point(day(0), 30, 30), point(day(10), 60, 60), point(day(20), 90, 90)],
      { kind: "kpi", start: 0, target: 200, completedOnly: false },
      "progress",
      50,
      100,
    ],
    [
      "a custom field may go anywhere",
      [point(day(0), 0, 0), point(day(10), -10, -10), point(day(20), -20, -20)],
      { kind: "kpi", start: 0, target: 100, completedOnly: false },
      { customField: "customfield_1" },
      -92,
      -92,
    ],
    [
      "a rolled-up objective stays within 0% and the most it reached",
      [point(day(0), 0, 0), point(day(10), 50, 50), point(day(20), 100, 100)],
      null,
      null,
      100,
      100,
    ],
  ])("%s", (_name, history, measure, metric, progress, value) => {
    const forecast = boundedForecast(history, measure, metric, quarter);
    expect(forecast.kind).toBe("forecast");
    if (forecast.kind !== "forecast") return;
    expect(forecast.progress).toBeCloseTo(progress ?? Number.NaN, 6);
    expect(forecast.value).toBeCloseTo(value, 6);
    expect(forecast.at).toEqual(quarter.end);
  });
});

describe("metricValueRange", () => {
  it.each<[Metric | null, number, number]>([
    ["count", 0, Infinity],
    ["storyPoints", 0, Infinity],
    ["progress", 0, 100],
    [{ customField: "customfield_1" }, -Infinity, Infinity],
    [null, -Infinity, Infinity],
  ])("%j", (metric, min, max) => {
    expect(metricValueRange(metric)).toEqual({ min, max });
  });
});
