import { describe, expect, it } from "vitest";
import { filterProjects } from "./filter-projects";

const projects = [
  { key: "AE", name: "Acme Engagement" },
  { key: "ATL", name: "Atlas" },
  { key: "BEA", name: "Beacon" },
];

describe("filterProjects", () => {
  it.each([
    ["", ["AE", "ATL", "BEA"]],
    ["  ", ["AE", "ATL", "BEA"]],
    ["at", ["ATL"]],
    ["a", ["AE", "ATL", "BEA"]],
    ["beacon", ["BEA"]],
    ["ae", ["AE"]],
    ["zzz", []],
  ])("%j → %j", (query, keys) => {
    expect(filterProjects(projects, query).map((p) => p.key)).toEqual(keys);
  });
});
