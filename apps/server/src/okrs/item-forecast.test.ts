import type { Measure } from "@goalpost/domain";
import { describe, expect, it } from "vitest";
import { forecastOf } from "./item-forecast.ts";
import type { PeriodRow } from "./okr.repo.ts";

const period: PeriodRow = {
  id: "p",
  orgId: "o",
  name: "Ten days",
  startsAt: new Date("2026-01-01T00:00:00Z"),
  endsAt: new Date("2026-01-11T00:00:00Z"),
  createdAt: new Date("2026-01-01T00:00:00Z"),
};
const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day));
const point = (day: number, value: number | null, progress: number | null) => ({
  createdAt: at(day),
  value,
  progress,
});

describe("forecastOf", () => {
  it.each<
    [string, ReturnType<typeof point>[], Measure | null, { value: number; progress: number | null } | null]
  >([
    ["no history", [], { kind: "percent" }, null],
    ["one check-in", [point(1, 3, 30)], { kind: "percent" }, null],
    ["two check-ins", [point(0, 0, 0), point(5, 2, 40)], { kind: "percent" }, null],
    [
      "percent: its own progress line",
      [point(0, 0, 0), point(4, 1.6, 32), point(5, 2, 40)],
      { kind: "percent" },
      { value: 4.0, progress: 80 },
    ],
    [
      "KPI: progress from the forecast value",
      [point(0, 0, 0), point(1, 1, 5), point(5, 5, 25)],
      { kind: "kpi", start: 0, target: 20, completedOnly: false },
      { value: 10, progress: 50 },
    ],
    [
      "points without a value left out",
      [point(0, 0, 0), point(2, null, null), point(3, 3, 30), point(5, 5, 50)],
      { kind: "percent" },
      { value: 10, progress: 100 },
    ],
  ])("%s", (_name, history, measure, expected) => {
    const { forecast, forecastNote } = forecastOf(history, measure, period, "count");
    if (expected === null) {
      expect(forecast).toBeNull();
      expect(forecastNote).toMatch(/^Not enough history for a forecast yet/);
    } else {
      expect(forecastNote).toBeNull();
      expect(forecast?.value).toBeCloseTo(expected.value, 1);
      expect(forecast?.progress ?? null).toBeCloseTo(expected.progress ?? Number.NaN, 1);
      expect(forecast?.at).toEqual(period.endsAt);
    }
  });
});
