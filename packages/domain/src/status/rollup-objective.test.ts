import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/domain-error.ts";
import { rollupObjective, type WeightedProgress } from "./rollup-objective.ts";

describe("rollupObjective", () => {
  it.each<[string, WeightedProgress[], number | null]>([
    ["no key results", [], null],
    ["one key result", [{ progress: 30 }], 30],
    ["equal weights by default", [{ progress: 30 }, { progress: 90 }], 60],
    [
      "explicit equal weights",
      [
        { progress: 30, weight: 2 },
        { progress: 90, weight: 2 },
      ],
      60,
    ],
    ["weighted", [{ progress: 30 }, { progress: 90, weight: 2 }], 70],
    ["null progress left out", [{ progress: 30 }, { progress: null }, { progress: 90 }], 60],
    ["null progress with a weight left out", [{ progress: 40 }, { progress: null, weight: 5 }], 40],
    ["all null", [{ progress: null }, { progress: null, weight: 3 }], null],
    ["weight 0 left out", [{ progress: 30 }, { progress: 90, weight: 0 }], 30],
    ["every weight 0", [{ progress: 30, weight: 0 }], null],
    ["over-achievement kept as computed", [{ progress: 120 }, { progress: 60 }], 90],
    ["negative progress kept as computed", [{ progress: -20 }, { progress: 60 }], 20],
    [
      "fractional weights",
      [
        { progress: 100, weight: 0.25 },
        { progress: 0, weight: 0.75 },
      ],
      25,
    ],
  ])("%s → %s", (_name, keyResults, progress) => {
    const result = rollupObjective(keyResults);
    if (progress === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(progress, 10);
  });

  it.each<[string, number]>([
    ["negative", -1],
    ["NaN", Number.NaN],
    ["infinite", Number.POSITIVE_INFINITY],
  ])("refuses a %s weight", (_name, weight) => {
    expect(() => rollupObjective([{ progress: 10, weight }])).toThrow(DomainError);
    expect(() => rollupObjective([{ progress: 10, weight }])).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });
});
