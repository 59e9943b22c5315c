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
    [
      "percent: its own progress line",
      [point(0, 0, 0), point(5, 2, 40)],
      { kind: "percent" },
      { value: 4, progress: 80 },
    ],
    [
      "KPI: progress from the forecast value",
      [point(0, 0, 0), point(5, 5, 25)],
      { kind: "kpi", start: 0, target: 20, completedOnly: false },
      { value: 10, progress: 50 },
    ],
    [
      "points without a value left out",
      [point(0, 0, 0), point(2, null, null), point(5, 5, 50)],
      { kind: "percent" },
      { value: 10, progress: 100 },
    ],
  ])("%s", (_name, history, measure, expected) => {
    const forecast = forecastOf(history, measure, period);
    if (expected === null) expect(forecast).toBeNull();
    else {
      expect(forecast?.value).toBeCloseTo(expected.value, 9);
      expect(forecast?.progress ?? null).toBeCloseTo(expected.progress ?? Number.NaN, 9);
      expect(forecast?.at).toEqual(period.endsAt);
    }
  });
});
