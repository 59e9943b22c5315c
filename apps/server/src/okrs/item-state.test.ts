import { describe, expect, it } from "vitest";
import { EMPTY_STATE } from "../measured/measured-item.repo.ts";
import { type ItemState, measuredState, rolledUpState, type StateContext } from "./item-state.ts";
import type { KeyResultRow, PeriodRow } from "./okr.repo.ts";

const period: PeriodRow = {
  id: "p",
  orgId: "o",
  name: "Q1 2026",
  startsAt: new Date("2026-01-01T00:00:00Z"),
  endsAt: new Date("2026-04-01T00:00:00Z"),
  createdAt: new Date("2026-01-01T00:00:00Z"),
};
/** Half way through the quarter: expected 50. */
const context: StateContext = { period, now: new Date("2026-02-15T00:00:00Z"), jiraEnabled: true };
const synced = new Date("2026-02-14T00:00:00Z");

function row(over: Partial<KeyResultRow> = {}): KeyResultRow {
  const connectionId = over.dataSource?.connectionId ?? null;
  return {
    id: "k",
    orgId: "o",
    objectiveId: "ob",
    title: "KR",
    ownerId: null,
    weight: 1,
    createdBy: null,
    createdAt: synced,
    updatedAt: synced,
    measure: { kind: "percent" },
    dataSource: null,
    connectionId,
    ...EMPTY_STATE,
    ...over,
  };
}
const jira = { kind: "jira" as const, connectionId: "c", jql: "project = AE", metric: "count" as const };

describe("measuredState", () => {
  it.each<[string, Partial<KeyResultRow>, Partial<StateContext>, Partial<ItemState>]>([
    ["no data yet", {}, {}, { progress: null, expected: 50, status: "not_started", stale: null }],
    [
      "on plan",
      { value: 60, progress: 60, syncedAt: synced },
      {},
      { value: 60, status: "on_track", syncedAt: synced },
    ],
    ["behind", { progress: 40 }, {}, { status: "behind" }],
    ["at risk", { progress: 20 }, {}, { status: "at_risk" }],
    ["achieved", { progress: 100 }, {}, { status: "achieved" }],
    [
      "no data, with the reason's sentence",
      { dataSource: jira, noDataReason: "no_issues" },
      {},
      { noDataReason: "no_issues", noDataMessage: "The JQL matches no issues.", status: "not_started" },
    ],
    [
      "stale with Jira's reason",
      {
        dataSource: jira,
        progress: 30,
        staleCode: "jira_unavailable",
        staleMessage: "Jira is down",
        staleSince: synced,
      },
      {},
      { progress: 30, stale: { code: "jira_unavailable", message: "Jira is down", since: synced } },
    ],
    [
      "connection deleted: stale, last value kept",
      { dataSource: jira, connectionId: null, value: 3, progress: 30 },
      {},
      {
        value: 3,
        progress: 30,
        stale: { code: "jira_connection_deleted", message: expect.stringContaining("deleted"), since: null },
      },
    ],
    [
      "integration off: stale, last value kept",
      { dataSource: jira, value: 3, progress: 30 },
      { jiraEnabled: false },
      {
        value: 3,
        progress: 30,
        stale: { code: "jira_integration_disabled", message: expect.any(String), since: null },
      },
    ],
    [
      "integration off does not touch manual items",
      { value: 10, progress: 10 },
      { jiraEnabled: false },
      { stale: null },
    ],
  ])("%s", (_name, over, contextOver, expected) => {
    expect(measuredState(row(over), { ...context, ...contextOver })).toMatchObject(expected);
  });
});

describe("rolledUpState", () => {
  const state = (progress: number | null, syncedAt: Date | null = null) =>
    measuredState(row({ progress, syncedAt }), context);
  it.each<[string, { weight: number; state: ItemState }[], number | null, string]>([
    ["no key results", [], null, "not_started"],
    [
      "weighted",
      [
        { weight: 1, state: state(80) },
        { weight: 3, state: state(20) },
      ],
      35,
      "behind",
    ],
    [
      "key results without data left out",
      [
        { weight: 1, state: state(60) },
        { weight: 5, state: state(null) },
      ],
      60,
      "on_track",
    ],
  ])("%s", (_name, keyResults, progress, status) => {
    const result = rolledUpState(keyResults, context);
    expect(result.progress).toBe(progress);
    expect(result.status).toBe(status);
    expect(result.value).toBeNull();
  });

  it("takes the latest sync of its key results", () => {
    const later = new Date("2026-02-15T00:00:00Z");
    expect(
      rolledUpState(
        [
          { weight: 1, state: state(10, synced) },
          { weight: 1, state: state(10, later) },
        ],
        context,
      ).syncedAt,
    ).toEqual(later);
  });
});
