import { describe, expect, it } from "vitest";
import { computeEpicProgress, type EpicChild, type EpicProgress } from "./epic-progress.ts";

const done = (storyPoints?: number | null): EpicChild => ({ statusCategoryKey: "done", storyPoints });
const open = (storyPoints?: number | null): EpicChild => ({ statusCategoryKey: "new", storyPoints });
const inProgress = (storyPoints?: number | null): EpicChild => ({
  statusCategoryKey: "indeterminate",
  storyPoints,
});

describe("computeEpicProgress", () => {
  it.each<[string, EpicChild[], EpicProgress]>([
    ["no children", [], { byCount: { done: 0, total: 0, progress: null }, byStoryPoints: null }],
    [
      "10 stories, 3 done, unestimated",
      [done(), done(), done(), ...Array.from({ length: 7 }, () => open())],
      { byCount: { done: 3, total: 10, progress: 30 }, byStoryPoints: null },
    ],
    [
      "story points where they exist",
      [done(3), open(1), inProgress(4)],
      {
        byCount: { done: 1, total: 3, progress: (1 / 3) * 100 },
        byStoryPoints: { done: 3, total: 8, progress: 37.5 },
      },
    ],
    [
      "unestimated children count 0 points",
      [done(2), done(null), open(), open(2)],
      { byCount: { done: 2, total: 4, progress: 50 }, byStoryPoints: { done: 2, total: 4, progress: 50 } },
    ],
    [
      "story points all 0",
      [done(0), open(0)],
      { byCount: { done: 1, total: 2, progress: 50 }, byStoryPoints: { done: 0, total: 0, progress: null } },
    ],
    [
      "all done",
      [done(5), done(8)],
      {
        byCount: { done: 2, total: 2, progress: 100 },
        byStoryPoints: { done: 13, total: 13, progress: 100 },
      },
    ],
    [
      "none done",
      [open(5), inProgress()],
      { byCount: { done: 0, total: 2, progress: 0 }, byStoryPoints: { done: 0, total: 5, progress: 0 } },
    ],
  ])("%s", (_name, children, progress) => {
    expect(computeEpicProgress(children)).toEqual(progress);
  });
});
