import { describe, expect, it } from "vitest";
import { forecastValue, type TimedValue } from "./forecast.ts";

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));
const points = (...pairs: [number, number][]): TimedValue[] =>
  pairs.map(([d, value]) => ({ at: day(d), value }));

describe("forecastValue", () => {
  it.each<[string, TimedValue[], Date, number | null]>([
    ["no points", [], day(90), null],
    ["one point", points([0, 5]), day(90), null],
    ["two points at the same time", points([3, 5], [3, 9]), day(90), null],
    ["a straight line, extended", points([0, 0], [10, 10]), day(90), 90],
    ["flat history stays flat", points([0, 4], [30, 4], [60, 4]), day(90), 4],
    ["falling line (remaining work)", points([0, 100], [45, 55]), day(90), 10],
    ["noisy points: least squares", points([0, 0], [1, 2], [2, 1], [3, 3]), day(4), 3.5],
    ["unordered points", points([10, 10], [0, 0], [5, 5]), day(20), 20],
    ["forecast in the past of the history", points([10, 10], [20, 20]), day(0), 0],
    [
      "non-finite values ignored",
      [...points([0, 0], [10, 10]), { at: day(5), value: Number.NaN }],
      day(30),
      30,
    ],
  ])("%s → %s", (_name, history, at, expected) => {
    const result = forecastValue(history, at);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 9);
  });
});
