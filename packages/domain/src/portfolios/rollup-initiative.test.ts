import { describe, expect, it } from "vitest";
import { projectsOverLimit } from "./project-limit.ts";
import { type EpicTally, type InitiativeProgress, rollupInitiative } from "./rollup-initiative.ts";

const epic = (done: number, total: number, points: [number, number] | null = null): EpicTally => ({
  byCount: { done, total },
  byStoryPoints: points ? { done: points[0], total: points[1] } : null,
});

describe("rollupInitiative", () => {
  it.each<[string, EpicTally[], InitiativeProgress]>([
    ["no epics", [], { byCount: { done: 0, total: 0, progress: null }, byStoryPoints: null }],
    [
      "one epic, 3 of 10",
      [epic(3, 10)],
      { byCount: { done: 3, total: 10, progress: 30 }, byStoryPoints: null },
    ],
    [
      "children pooled across epics",
      [epic(3, 10), epic(1, 10)],
      { byCount: { done: 4, total: 20, progress: 20 }, byStoryPoints: null },
    ],
    [
      "story points only from the estimated epics",
      [epic(1, 2, [5, 8]), epic(0, 3), epic(2, 2, [3, 3])],
      {
        byCount: { done: 3, total: 7, progress: (3 / 7) * 100 },
        byStoryPoints: { done: 8, total: 11, progress: (8 / 11) * 100 },
      },
    ],
    [
      "epics without children",
      [epic(0, 0), epic(0, 0)],
      { byCount: { done: 0, total: 0, progress: null }, byStoryPoints: null },
    ],
    [
      "all done",
      [epic(4, 4, [0, 0])],
      { byCount: { done: 4, total: 4, progress: 100 }, byStoryPoints: { done: 0, total: 0, progress: null } },
    ],
  ])("%s", (_label, epics, expected) => {
    expect(rollupInitiative(epics)).toEqual(expected);
  });
});

describe("projectsOverLimit", () => {
  it.each<[string[], string[], number, number]>([
    [[], ["A"], 20, 0],
    [["A", "B"], ["C"], 3, 0],
    [["A", "B"], ["C", "D"], 3, 1],
    [["A", "B"], ["b", "a"], 2, 0],
    [Array.from({ length: 20 }, (_, i) => `P${i}`), ["NEW"], 20, 1],
    [[], Array.from({ length: 21 }, (_, i) => `P${i}`), 20, 1],
  ])("linked %j + %j (limit %i) → %i over", (linked, adding, limit, expected) => {
    expect(projectsOverLimit(linked, adding, limit)).toBe(expected);
  });
});
