import type { Measure } from "@goalpost/domain";
import { describe, expect, it } from "vitest";
import type { StoredDataSource } from "../db/schema/index.ts";
import { measureAfter } from "./item-measure.ts";
import type { MeasuredKind } from "./measured-kind.ts";

const jira: StoredDataSource = { kind: "jira", connectionId: "c1", jql: "project = AE", metric: "count" };
const percent: Measure = { kind: "percent" };
const kpi: Measure = { kind: "kpi", start: 0, target: 20, completedOnly: true };

describe("measureAfter", () => {
  it.each<
    [
      string,
      MeasuredKind,
      Measure | null | undefined,
      Measure | null,
      StoredDataSource | null,
      Measure | null,
    ]
  >([
    ["a key result keeps its measure when none is sent", "key_result", undefined, kpi, null, kpi],
    ["a key result takes the one sent", "key_result", kpi, percent, jira, kpi],
    ["a new key result without one is percent", "key_result", undefined, null, null, percent],
    ["a new objective without a data source rolls up", "objective", undefined, null, null, null],
    ["a new objective with one is percent unless told", "objective", undefined, null, jira, percent],
    ["an objective with a data source keeps its measure", "objective", undefined, kpi, jira, kpi],
    ["an objective losing its data source drops its measure", "objective", undefined, kpi, null, null],
    ["an objective told to drop it keeps the data source, percent", "objective", null, kpi, jira, percent],
  ])("%s", (_name, kind, sent, previous, dataSource, expected) => {
    expect(measureAfter(kind, sent, previous, dataSource)).toEqual(expected);
  });

  it("refuses a measure sent for an objective without a data source, naming the field", () => {
    expect(() => measureAfter("objective", kpi, null, null)).toThrow(
      expect.objectContaining({
        code: "validation_failed",
        details: { fields: { measure: "only with a data source" } },
      }),
    );
  });
});
