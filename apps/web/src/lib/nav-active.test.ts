import { describe, expect, it } from "vitest";
import { isNavActive } from "./nav-active";

describe("isNavActive", () => {
  it.each([
    ["/o/o1/goals", "/o/o1/goals", true],
    ["/o/o1/goals/alignment", "/o/o1/goals", true],
    ["/o/o1/portfolios", "/o/o1/portfolios", true],
    ["/portfolios/p1", "/o/o1/portfolios", true],
    ["/portfolios/p1/initiatives/i1", "/o/o1/portfolios", true],
    ["/portfolios/p1", "/o/o1/goals", false],
    ["/o/o1/jira", "/o/o1/goals", false],
  ])("%s highlights %s: %s", (pathname, to, active) => {
    expect(isNavActive(pathname, to)).toBe(active);
  });
});
