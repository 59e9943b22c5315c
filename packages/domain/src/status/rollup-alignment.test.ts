import { describe, expect, it } from "vitest";
import { type AlignmentNode, rollupAlignment } from "./rollup-alignment.ts";

const node = (
  id: string,
  parentId: string | null,
  overrides: Partial<AlignmentNode> = {},
): AlignmentNode => ({
  id,
  parentId,
  weight: 1,
  keyResults: [],
  ...overrides,
});

describe("rollupAlignment", () => {
  it.each<[string, AlignmentNode[], Record<string, number | null>]>([
    [
      "a parent whose only contribution is an aligned child (weight 3, at 50%)",
      [node("p", null), node("c", "p", { weight: 3, keyResults: [{ progress: 50 }] })],
      { p: 50, c: 50 },
    ],
    [
      "children weighted against the parent's key results",
      [
        node("p", null, { keyResults: [{ progress: 10 }] }),
        node("c", "p", { weight: 3, keyResults: [{ progress: 50 }] }),
      ],
      { p: 40, c: 50 },
    ],
    [
      "through any depth",
      [
        node("a", null),
        node("b", "a", { keyResults: [{ progress: 20 }] }),
        node("c", "b", { keyResults: [{ progress: 80 }] }),
        node("d", "c", { weight: 2, keyResults: [{ progress: 20 }] }),
      ],
      // d 20; c = (80 + 2·20)/3 = 40; b = (20 + 40)/2 = 30; a = 30.
      { a: 30, b: 30, c: 40, d: 20 },
    ],
    [
      "an objective with its own data source ignores its children",
      [node("p", null, { own: { progress: 70 } }), node("c", "p", { keyResults: [{ progress: 10 }] })],
      { p: 70, c: 10 },
    ],
    [
      "a child with its own data source counts with that progress",
      [node("p", null), node("c", "p", { own: { progress: 35 } })],
      { p: 35, c: 35 },
    ],
    [
      "children without data, or with weight 0, are left out",
      [
        node("p", null, { keyResults: [{ progress: 60 }] }),
        node("c", "p"),
        node("z", "p", { weight: 0, keyResults: [{ progress: 0 }] }),
      ],
      { p: 60, c: null, z: 0 },
    ],
    ["nothing anywhere", [node("p", null), node("c", "p")], { p: null, c: null }],
    [
      "a cycle adds nothing and does not loop",
      [
        node("a", "b", { keyResults: [{ progress: 40 }] }),
        node("b", "a", { keyResults: [{ progress: 80 }] }),
      ],
      { a: 60, b: 80 },
    ],
    ["a self-parent is a root", [node("a", "a", { keyResults: [{ progress: 40 }] })], { a: 40 }],
  ])("%s", (_name, nodes, expected) => {
    expect(Object.fromEntries(rollupAlignment(nodes))).toEqual(expected);
  });
});
