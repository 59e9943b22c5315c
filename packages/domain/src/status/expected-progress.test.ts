import { describe, expect, it } from "vitest";
import { expectedProgress } from "./expected-progress.ts";
import type { Period } from "./period.ts";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
/** 10 days, so each day is 10 points. */
const TEN_DAYS: Period = { start: day("2026-01-01"), end: day("2026-01-11") };

describe("expectedProgress", () => {
  it.each<[string, Period, Date, number]>([
    ["long before the period", TEN_DAYS, day("2025-06-01"), 0],
    ["the day before", TEN_DAYS, day("2025-12-31"), 0],
    ["at the start", TEN_DAYS, day("2026-01-01"), 0],
    ["after 3 days", TEN_DAYS, day("2026-01-04"), 30],
    ["half way", TEN_DAYS, new Date("2026-01-06T00:00:00Z"), 50],
    ["at the end", TEN_DAYS, day("2026-01-11"), 100],
    ["after the end", TEN_DAYS, day("2026-03-01"), 100],
    ["degenerate period, before", { start: day("2026-01-05"), end: day("2026-01-05") }, day("2026-01-04"), 0],
    ["degenerate period, at", { start: day("2026-01-05"), end: day("2026-01-05") }, day("2026-01-05"), 100],
    ["end before start, after", { start: day("2026-01-05"), end: day("2026-01-01") }, day("2026-01-03"), 100],
  ])("%s → %d", (_name, period, now, expected) => {
    expect(expectedProgress(period, now)).toBeCloseTo(expected, 10);
  });

  it("a quarter, half way through its days", () => {
    const q1: Period = { start: day("2026-01-01"), end: day("2026-04-01") }; // 90 days
    expect(expectedProgress(q1, day("2026-02-15"))).toBe(50);
  });
});
