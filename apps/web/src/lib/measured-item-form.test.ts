import { describe, expect, it } from "vitest";
import {
  formInput,
  formValuesOf,
  type MeasuredItemFormTarget,
  type MeasuredItemFormValues,
  measuredItemSchema,
} from "./measured-item-form";
import type { MeasuredKind } from "./measured-kind";

const targets: Record<MeasuredKind, MeasuredItemFormTarget> = {
  "key-results": { kind: "key-results", objectiveId: "ob1" },
  objectives: { kind: "objectives", periods: [], periodId: "p1" },
};

function values(kind: MeasuredKind, patch: Partial<MeasuredItemFormValues> = {}): MeasuredItemFormValues {
  return { ...formValuesOf(targets[kind], "u1"), title: "Ship it", ...patch };
}

function messages(kind: MeasuredKind, patch: Partial<MeasuredItemFormValues>): Record<string, string> {
  const issues = measuredItemSchema(kind).safeParse(values(kind, patch)).error?.issues ?? [];
  return Object.fromEntries(issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("measuredItemSchema", () => {
  it.each([
    ["key-results", { title: "  " }, { title: "Give the key result a title" }],
    ["objectives", { title: "" }, { title: "Give the objective a title" }],
    ["key-results", { weight: 0 }, { weight: "The weight must be greater than 0" }],
    ["objectives", { weight: "" }, { weight: "The weight must be greater than 0" }],
    ["key-results", { measureKind: "kpi", target: 0 }, { target: "The target must differ from the start" }],
    // An objective without its own source rolls up its key results: its (hidden) measure is not checked.
    ["objectives", { measureKind: "kpi", target: "" }, {}],
    [
      "objectives",
      { useJira: true, jql: " " },
      { connectionId: "Choose a Jira connection", jql: "Enter a JQL query" },
    ],
    [
      "key-results",
      { title: "", useJira: true, connectionId: "c1" },
      { title: "Give the key result a title", jql: "Enter a JQL query" },
    ],
  ] as const)("%s %j → %j", (kind, patch, expected) => {
    expect(messages(kind, patch)).toEqual(expected);
  });
});

describe("formInput", () => {
  const jira = { useJira: true, connectionId: "c1", jql: " project = AE ", metric: "count" } as const;
  const source = { kind: "jira", connectionId: "c1", jql: "project = AE", metric: "count" };

  it("sends a key result's own fields and measure, never an objective's placement", () => {
    expect(
      formInput("key-results", values("key-results", { ...jira, title: " Ship it ", weight: 2 })),
    ).toEqual({
      title: "Ship it",
      ownerId: "u1",
      weight: 2,
      measure: { kind: "percent" },
      dataSource: source,
    });
  });

  it("sends an objective's placement, and no measure unless it has its own source", () => {
    const placed = { description: " Why ", parentId: "ob0" };
    expect(formInput("objectives", values("objectives", placed))).toEqual({
      title: "Ship it",
      ownerId: "u1",
      weight: 1,
      description: "Why",
      periodId: "p1",
      parentId: "ob0",
      measure: null,
      dataSource: null,
    });
    expect(formInput("objectives", values("objectives", { ...placed, ...jira }))).toMatchObject({
      measure: { kind: "percent" },
      dataSource: source,
    });
  });
});
