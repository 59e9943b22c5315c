import { describe, expect, it } from "vitest";
import { jsonNestingDepth } from "./json-body-parser.ts";

describe("jsonNestingDepth", () => {
  it.each([
    ["1", 0],
    ["{}", 1],
    ['{"a":[1,{"b":2}]}', 3],
    ['{"a":"[[[[{{{{"}', 1],
    ['{"a":"\\"[[[["}', 1],
    ["[[],[],[[]]]", 3],
  ])("%s → %i", (text, depth) => {
    expect(jsonNestingDepth(text)).toBe(depth);
  });

  it("measures a 200k-deep document without recursion", () => {
    expect(jsonNestingDepth(`${"[".repeat(200_000)}${"]".repeat(200_000)}`)).toBe(200_000);
  });
});
