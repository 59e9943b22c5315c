import { describe, expect, it } from "vitest";
import type { CheckIn, Objective } from "../api/okr-types";
import { buildItemState, buildObjective } from "../testing/builders";
import { alignmentTree } from "./alignment-tree";
import { buildChartData, chartYMax, chartYMin } from "./chart-data";
import { barValue, describeValue, formatPercent } from "./format-progress";
import { anyAwaitingSync } from "./pending-sync";
import { pickCurrentPeriodId, quarterAfter } from "./quarters";

function objective(id: string, overrides: Partial<Objective> = {}): Objective {
  return buildObjective({
    id,
    orgId: "o1",
    periodId: "p1",
    parentId: null,
    title: id,
    description: "",
    ownerId: "u1",
    weight: 1,
    measure: null,
    dataSource: null,
    state: buildItemState({ value: null, progress: 50, expected: 40, status: "on_track", syncedAt: null }),
    keyResults: [],
    ...overrides,
  });
}

describe("quarters", () => {
  it.each([
    ["2026-11-23T12:00:00Z", 0, "Q4 2026", "2026-10-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["2026-11-23T12:00:00Z", 1, "Q1 2027", "2027-01-01T00:00:00.000Z", "2027-04-01T00:00:00.000Z"],
    ["2026-01-01T00:00:00Z", -1, "Q4 2025", "2025-10-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"],
  ])("quarterAfter(%s, %i) is %s", (now, offset, name, start, end) => {
    expect(quarterAfter(new Date(now), offset)).toEqual({ name, start, end });
  });

  it("picks the period containing now, else the latest started, else the first", () => {
    const q3 = { id: "q3", start: "2026-07-01T00:00:00Z", end: "2026-10-01T00:00:00Z" };
    const q4 = { id: "q4", start: "2026-10-01T00:00:00Z", end: "2027-01-01T00:00:00Z" };
    const q1 = { id: "q1", start: "2027-01-01T00:00:00Z", end: "2027-04-01T00:00:00Z" };
    expect(pickCurrentPeriodId([q3, q4, q1], new Date("2026-11-23T00:00:00Z"))).toBe("q4");
    expect(pickCurrentPeriodId([q3, q1], new Date("2026-11-23T00:00:00Z"))).toBe("q3");
    expect(pickCurrentPeriodId([q1], new Date("2026-11-23T00:00:00Z"))).toBe("q1");
    expect(pickCurrentPeriodId([], new Date())).toBeNull();
  });
});

describe("alignmentTree", () => {
  it("puts aligned objectives under their parent, depth first; orphans and cycles stay visible", () => {
    const items = [
      { id: "c", parentId: "a" },
      { id: "a", parentId: null },
      { id: "d", parentId: "c" },
      { id: "e", parentId: "gone" },
      { id: "x", parentId: "y" },
      { id: "y", parentId: "x" },
    ];
    expect(alignmentTree(items).map(({ item, depth }) => `${item.id}:${depth}`)).toEqual([
      "a:0",
      "c:1",
      "d:2",
      "e:0",
      "x:0",
      "y:1",
    ]);
  });
});

describe("progress formatting", () => {
  it.each([
    [27.2727, "27%"],
    [120, "120%"],
    [null, "No data"],
  ])("formatPercent(%s) is %s", (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });

  it("clamps the bar but not the number", () => {
    expect([barValue(120), barValue(-5), barValue(null), barValue(42)]).toEqual([100, 0, 0, 42]);
  });

  it.each([
    [
      "count percent",
      {
        measure: { kind: "percent" as const },
        dataSource: { metric: "count" as const },
        state: { value: 3, issueCount: 11, doneCount: 3 },
      },
      "3 of 11 issues done",
    ],
    [
      "a KPI with a unit",
      {
        measure: { kind: "kpi" as const, unit: "bugs", start: 0, target: 20, completedOnly: true },
        dataSource: { metric: "count" as const },
        state: { value: 12 },
      },
      "12 bugs · target 20 bugs",
    ],
    [
      "an hours KPI from a start",
      {
        measure: { kind: "kpi" as const, start: 10, target: 200, completedOnly: false },
        dataSource: { metric: "timeSpent" as const },
        state: { value: 12.25 },
      },
      "12.3 h · target 200 h (from 10)",
    ],
    [
      "a manual percent key result",
      { measure: { kind: "percent" as const }, dataSource: null, state: { value: 40 } },
      "",
    ],
    [
      "no data, with the server's reason",
      {
        measure: { kind: "percent" as const },
        dataSource: { metric: "count" as const },
        state: { value: null, noDataMessage: "The JQL matches no issues." },
      },
      "The JQL matches no issues.",
    ],
  ])("describeValue for %s", (_name, item, expected) => {
    expect(describeValue(item)).toBe(expected);
  });
});

describe("buildChartData", () => {
  const period = { start: "2026-10-01T00:00:00.000Z", end: "2027-01-01T00:00:00.000Z" };
  const checkIn = (at: string, progress: number | null): CheckIn => ({
    id: at,
    source: "jira",
    author: null,
    value: progress,
    progress,
    issueCount: null,
    doneCount: null,
    note: "",
    createdAt: at,
  });

  it("draws progress, the expected line from 0 to 100%, and the forecast to the period end", () => {
    const rows = buildChartData(
      [
        checkIn("2026-11-15T12:00:00.000Z", 30),
        checkIn("2026-10-16T12:00:00.000Z", 10),
        checkIn("2026-11-01T00:00:00.000Z", null),
      ],
      period,
      { value: 8, progress: 72.72, at: period.end },
    );
    expect(
      rows.map((row) => ({
        ...row,
        expected: row.expected === undefined ? undefined : Math.round(row.expected),
      })),
    ).toEqual([
      { t: Date.parse(period.start), expected: 0 },
      { t: Date.parse("2026-10-16T12:00:00.000Z"), progress: 10, expected: 17 },
      { t: Date.parse("2026-11-15T12:00:00.000Z"), progress: 30, expected: 49, forecast: 30 },
      { t: Date.parse(period.end), expected: 100, forecast: 72.7 },
    ]);
  });

  it("never lets the forecast drive the y-axis (−114918% / +27633% forecasts)", () => {
    for (const progress of [-114918, 27633]) {
      const rows = buildChartData(
        [checkIn("2026-10-16T12:00:00.000Z", 30), checkIn("2026-11-15T12:00:00.000Z", 27.3)],
        period,
        { value: 1, progress, at: period.end },
      );
      expect(rows.some((row) => row.forecast === progress)).toBe(true);
      expect([chartYMin(rows), chartYMax(rows)]).toEqual([0, 100]);
    }
  });

  it("widens the y-axis for measured progress beyond 0–100% (a KPI over-achieved or gone backwards)", () => {
    const rows = buildChartData(
      [checkIn("2026-10-16T12:00:00.000Z", -12), checkIn("2026-11-15T12:00:00.000Z", 131)],
      period,
      null,
    );
    expect([chartYMin(rows), chartYMax(rows)]).toEqual([-20, 140]);
  });

  it("has no forecast without a projection or without points", () => {
    expect(
      buildChartData([], period, { value: 1, progress: 50, at: period.end }).some(
        (row) => row.forecast !== undefined,
      ),
    ).toBe(false);
    expect(
      buildChartData([checkIn("2026-11-01T00:00:00.000Z", 5)], period, null).some((row) => "forecast" in row),
    ).toBe(false);
  });
});

describe("anyAwaitingSync", () => {
  const linked = { kind: "jira" as const, connectionId: "c1", jql: "x", metric: "count" as const };
  it.each([
    ["a linked item never synced", { dataSource: linked, syncedAt: null, stale: null }, true],
    ["a linked item synced", { dataSource: linked, syncedAt: "2026-11-23T00:00:00Z", stale: null }, false],
    [
      "a linked item that failed its first sync",
      { dataSource: linked, syncedAt: null, stale: { code: "x", message: "y", since: null } },
      false,
    ],
    ["a manual item", { dataSource: null, syncedAt: null, stale: null }, false],
  ])("%s → %s", (_name, item, expected) => {
    const base = objective("a");
    const keyResult = {
      ...base,
      objectiveId: "a",
      measure: { kind: "percent" as const },
      dataSource: item.dataSource,
      state: { ...base.state, syncedAt: item.syncedAt, stale: item.stale },
    };
    expect(anyAwaitingSync([{ ...base, keyResults: [keyResult] }])).toBe(expected);
  });
});
