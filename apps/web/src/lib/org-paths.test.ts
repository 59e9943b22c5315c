import { describe, expect, it } from "vitest";
import { keyResultPath, objectivePath, orgPath, parseOrgPath, switchOrgPath } from "./org-paths";

describe("orgPath", () => {
  it("builds section paths and encodes the id", () => {
    expect(orgPath("o1")).toBe("/o/o1/goals");
    expect(orgPath("o 1", "admin/members")).toBe("/o/o%201/admin/members");
  });
});

describe("parseOrgPath", () => {
  it("extracts the org id and rest", () => {
    expect(parseOrgPath("/o/o1/goals")).toEqual({ orgId: "o1", rest: "/goals" });
    expect(parseOrgPath("/o/o%201")).toEqual({ orgId: "o 1", rest: "" });
  });

  it("returns null outside org routes or for broken encodings", () => {
    expect(parseOrgPath("/settings/tokens")).toBeNull();
    expect(parseOrgPath("/o/")).toBeNull();
    expect(parseOrgPath("/o/%E0%A4%A/goals")).toBeNull();
  });
});

describe("switchOrgPath", () => {
  it("keeps the section when switching org", () => {
    expect(switchOrgPath("/o/a/goals", "b")).toBe("/o/b/goals");
    expect(switchOrgPath("/o/a/portfolios", "b")).toBe("/o/b/portfolios");
    expect(switchOrgPath("/o/a/jira", "b")).toBe("/o/b/jira");
    expect(switchOrgPath("/o/a/admin/members", "b")).toBe("/o/b/admin/members");
  });

  it("drops deeper, org-specific segments", () => {
    expect(switchOrgPath("/o/a/portfolios/p123", "b")).toBe("/o/b/portfolios");
    expect(switchOrgPath("/o/a/goals/g9/edit", "b")).toBe("/o/b/goals");
  });

  it("goes to goals from unknown sections and non-org pages", () => {
    expect(switchOrgPath("/o/a/whatever", "b")).toBe("/o/b/goals");
    expect(switchOrgPath("/settings/tokens", "b")).toBe("/o/b/goals");
  });
});

describe("OKR item paths", () => {
  it("nest objectives and key results under the org's goals, encoded", () => {
    expect(objectivePath("o 1", "ob/2")).toBe("/o/o%201/goals/objectives/ob%2F2");
    expect(keyResultPath("o1", "k1")).toBe("/o/o1/goals/key-results/k1");
  });
});
