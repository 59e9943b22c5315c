import { describe, expect, it } from "vitest";
import {
  draftErrors,
  draftFromItem,
  draftToPayload,
  type MeasuredDraft,
  updateDraft,
} from "./measured-draft";

const jiraKpi: MeasuredDraft = {
  ...draftFromItem(null, null),
  measureKind: "kpi",
  unit: "bugs",
  start: 0,
  target: 20,
  completedOnly: true,
  useJira: true,
  connectionId: "c1",
  metric: "count",
  jql: ' "Epic Link" = AE-1 ',
};

describe("measured draft", () => {
  it("reads an item's measure and data source back", () => {
    const draft = draftFromItem(
      { kind: "kpi", unit: "points", start: 5, target: 50, completedOnly: false },
      { kind: "jira", connectionId: "c1", jql: "project = AE", metric: { customField: "customfield_10042" } },
    );
    expect(draft).toMatchObject({
      measureKind: "kpi",
      unit: "points",
      start: 5,
      target: 50,
      useJira: true,
      metric: "customField:customfield_10042",
    });
  });

  it.each([
    ["remainingEstimate", "count"],
    ["progress", "count"],
    ["timeSpent", "timeSpent"],
    ["customField:customfield_1", "customField:customfield_1"],
  ])("switching to percent complete turns %s into %s", (metric, expected) => {
    expect(updateDraft({ ...jiraKpi, metric }, { measureKind: "percent" }).metric).toBe(expected);
  });

  it.each<[string, Partial<MeasuredDraft>, Record<string, string>]>([
    ["a valid Jira KPI", {}, {}],
    ["target equal to start", { start: 7, target: 7 }, { target: "The target must differ from the start" }],
    ["a missing target", { target: "" }, { target: "Enter the target value" }],
    ["a missing start", { start: "" }, { start: "Enter the starting value" }],
    [
      "no connection and no JQL",
      { connectionId: null, jql: "  " },
      { connectionId: "Choose a Jira connection", jql: "Enter a JQL query" },
    ],
    ["a manual percent key result", { measureKind: "percent", useJira: false, target: 0 }, {}],
  ])("errors for %s", (_name, patch, expected) => {
    expect(draftErrors({ ...jiraKpi, ...patch })).toEqual(expected);
  });

  it("builds the request body, trimming the JQL; no data source when the switch is off", () => {
    expect(draftToPayload(jiraKpi)).toEqual({
      measure: { kind: "kpi", unit: "bugs", start: 0, target: 20, completedOnly: true },
      dataSource: { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-1', metric: "count" },
    });
    expect(draftToPayload({ ...jiraKpi, useJira: false, unit: "" })).toEqual({
      measure: { kind: "kpi", start: 0, target: 20, completedOnly: false },
      dataSource: null,
    });
  });
});
