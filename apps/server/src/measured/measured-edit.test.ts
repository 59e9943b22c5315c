import type { Measure } from "@goalpost/domain";
import { describe, expect, it } from "vitest";
import type { StoredDataSource } from "../db/schema/index.ts";
import { manualProgress, sameDataSource, stateAfterEdit } from "./measured-edit.ts";
import { EMPTY_STATE } from "./measured-item.repo.ts";

const epic: StoredDataSource = {
  kind: "jira",
  connectionId: "c1",
  jql: '"Epic Link" = AE-786',
  metric: "count",
};
const percent: Measure = { kind: "percent" };
const kpi: Measure = { kind: "kpi", start: 0, target: 20, completedOnly: true };

describe("sameDataSource", () => {
  it.each<[string, StoredDataSource | null, StoredDataSource | null, boolean]>([
    ["both manual", null, null, true],
    ["manual vs Jira", null, epic, false],
    ["identical", epic, { ...epic }, true],
    ["other JQL", epic, { ...epic, jql: "project = AE" }, false],
    ["other connection", epic, { ...epic, connectionId: "c2" }, false],
    ["other metric", epic, { ...epic, metric: "storyPoints" }, false],
    [
      "same custom field",
      { ...epic, metric: { customField: "customfield_10030" } },
      { ...epic, metric: { customField: "customfield_10030" } },
      true,
    ],
  ])("%s → %s", (_name, a, b, same) => {
    expect(sameDataSource(a, b)).toBe(same);
  });
});

describe("manualProgress", () => {
  it.each<[Measure, number, number]>([
    [percent, 40, 40],
    [kpi, 5, 25],
    [{ kind: "kpi", start: 300, target: 100, completedOnly: false }, 200, 50],
  ])("%j, %d → %d", (measure, value, progress) => {
    expect(manualProgress(value, measure)).toBe(progress);
  });
});

describe("stateAfterEdit", () => {
  it.each<
    [
      string,
      Parameters<typeof stateAfterEdit>[0],
      Parameters<typeof stateAfterEdit>[1],
      ReturnType<typeof stateAfterEdit>,
    ]
  >([
    [
      "nothing changed",
      { measure: percent, dataSource: epic, value: 3 },
      { measure: percent, dataSource: epic },
      { changed: false, columns: {} },
    ],
    [
      "JQL changed",
      { measure: percent, dataSource: epic, value: 3 },
      { measure: percent, dataSource: { ...epic, jql: "x" } },
      { changed: true, columns: EMPTY_STATE },
    ],
    [
      "measure changed on a Jira item",
      { measure: percent, dataSource: epic, value: 3 },
      { measure: kpi, dataSource: epic },
      { changed: true, columns: EMPTY_STATE },
    ],
    [
      "Jira source added",
      { measure: percent, dataSource: null, value: 40 },
      { measure: percent, dataSource: epic },
      { changed: true, columns: EMPTY_STATE },
    ],
    [
      "Jira source removed",
      { measure: percent, dataSource: epic, value: 3 },
      { measure: percent, dataSource: null },
      { changed: true, columns: EMPTY_STATE },
    ],
    [
      "manual item re-measured",
      { measure: percent, dataSource: null, value: 5 },
      { measure: kpi, dataSource: null },
      { changed: true, columns: { progress: 25 } },
    ],
    [
      "manual item without a value",
      { measure: percent, dataSource: null, value: null },
      { measure: kpi, dataSource: null },
      { changed: true, columns: { progress: null } },
    ],
  ])("%s", (_name, before, after, expected) => {
    expect(stateAfterEdit(before, after)).toEqual(expected);
  });
});
