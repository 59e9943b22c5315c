import { describe, expect, it } from "vitest";
import { quarterOf } from "./quarter.ts";

describe("quarterOf", () => {
  it.each<[string, string, string, string]>([
    ["2026-01-01T00:00:00Z", "Q1 2026", "2026-01-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
    ["2026-03-31T23:59:59Z", "Q1 2026", "2026-01-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
    ["2026-05-15T12:00:00Z", "Q2 2026", "2026-04-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z"],
    ["2026-08-15T00:00:00Z", "Q3 2026", "2026-07-01T00:00:00.000Z", "2026-10-01T00:00:00.000Z"],
    ["2026-12-31T23:59:59Z", "Q4 2026", "2026-10-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
  ])("%s → %s", (at, name, start, end) => {
    const quarter = quarterOf(new Date(at));
    expect({
      name: quarter.name,
      start: quarter.start.toISOString(),
      end: quarter.end.toISOString(),
    }).toEqual({
      name,
      start,
      end,
    });
  });
});
