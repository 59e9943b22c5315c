import { describe, expect, it } from "vitest";
import { planQueryReads } from "./plan-query-reads.ts";

describe("planQueryReads", () => {
  const sizes = new Map([
    ["epic", 12],
    ["edge", 100],
    ["project", 4000],
  ]);

  it("reads new queries in full, small ones with stamps and large ones by ids", () => {
    expect(planQueryReads(["epic", "edge", "project", "new", "epic"], sizes, true)).toEqual({
      full: ["new"],
      stamped: ["epic", "edge"],
      idsOnly: ["project"],
    });
  });

  it("reads everything in full when the cache cannot be used", () => {
    expect(planQueryReads(["epic", "project"], sizes, false)).toEqual({
      full: ["epic", "project"],
      stamped: [],
      idsOnly: [],
    });
  });

  it("honours a custom small limit", () => {
    expect(planQueryReads(["epic", "edge"], sizes, true, 10).idsOnly).toEqual(["epic", "edge"]);
  });
});
