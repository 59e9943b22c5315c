import { describe, expect, it } from "vitest";
import { formatPercent, statusCategoryColor } from "./portfolio-labels";

describe("portfolio labels", () => {
  it.each([
    [null, "—"],
    [0, "0%"],
    [27.27, "27%"],
    [100, "100%"],
  ])("formatPercent(%s) → %s", (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });

  it.each([
    ["done", "teal"],
    ["indeterminate", "blue"],
    ["new", "gray"],
    ["undefined", "gray"],
  ])("status category %s is %s", (category, color) => {
    expect(statusCategoryColor(category)).toBe(color);
  });
});
