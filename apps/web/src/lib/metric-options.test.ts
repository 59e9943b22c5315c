import { describe, expect, it } from "vitest";
import { decodeMetric, encodeMetric, metricOptions } from "./metric-options";

const fields = {
  storyPointFields: [{ id: "customfield_10016", name: "Story Points" }],
  numericFields: [
    { id: "customfield_10016", name: "Story Points" },
    { id: "customfield_10042", name: "Risk Score" },
  ],
  fetchedAt: "2026-11-23T00:00:00Z",
};

const values = (groups: ReturnType<typeof metricOptions>) =>
  groups.flatMap((g) => g.items.map((i) => i.value));

describe("metricOptions", () => {
  it.each([
    ["percent", ["count", "timeSpent", "originalEstimate", "storyPoints", "customField:customfield_10042"]],
    [
      "kpi",
      [
        "count",
        "timeSpent",
        "originalEstimate",
        "remainingEstimate",
        "progress",
        "storyPoints",
        "customField:customfield_10042",
      ],
    ],
  ] as const)("offers for %s", (kind, expected) => {
    expect(values(metricOptions(kind, fields))).toEqual(expected);
  });

  it("disables story points on a site without a story-point field", () => {
    const groups = metricOptions("percent", { ...fields, storyPointFields: [] });
    expect(groups[0]?.items.find((item) => item.value === "storyPoints")?.disabled).toBe(true);
  });

  it("round-trips metrics through select values", () => {
    expect(decodeMetric(encodeMetric({ customField: "customfield_1" }))).toEqual({
      customField: "customfield_1",
    });
    expect(decodeMetric("remainingEstimate")).toBe("remainingEstimate");
    expect(decodeMetric("bogus")).toBe("count");
  });
});
