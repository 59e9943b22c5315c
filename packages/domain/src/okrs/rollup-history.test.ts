import { describe, expect, it } from "vitest";
import { rollupHistory } from "./rollup-history.ts";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

describe("rollupHistory", () => {
  it.each([
    ["no key results", [], []],
    [
      "one key result follows its own points",
      [
        {
          points: [
            { at: day(1), progress: 10 },
            { at: day(3), progress: 30 },
          ],
        },
      ],
      [
        { at: day(1), progress: 10 },
        { at: day(3), progress: 30 },
      ],
    ],
    [
      "a key result joins the mean when it gets its first point",
      [{ points: [{ at: day(1), progress: 20 }] }, { points: [{ at: day(5), progress: 60 }] }],
      [
        { at: day(1), progress: 20 },
        { at: day(5), progress: 40 },
      ],
    ],
    [
      "weights count",
      [{ weight: 3, points: [{ at: day(1), progress: 0 }] }, { points: [{ at: day(2), progress: 100 }] }],
      [
        { at: day(1), progress: 0 },
        { at: day(2), progress: 25 },
      ],
    ],
    [
      "simultaneous changes make one point; unchanged values and no-data moments make none",
      [
        {
          points: [
            { at: day(1), progress: null },
            { at: day(2), progress: 50 },
            { at: day(4), progress: 50 },
          ],
        },
        { points: [{ at: day(2), progress: 50 }] },
      ],
      [{ at: day(2), progress: 50 }],
    ],
  ])("%s", (_name, series, expected) => {
    expect(rollupHistory(series)).toEqual(expected);
  });
});
