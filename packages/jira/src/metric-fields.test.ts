import { describe, expect, it } from "vitest";
import { discoverMetricFields, type JiraField } from "./metric-fields.ts";

// Shapes as /rest/api/3/field returns them on real sites (see /work/shared/jira/fixtures/field).
const fields: JiraField[] = [
  { id: "summary", name: "Summary", custom: false, schema: { type: "string" } },
  { id: "timespent", name: "Time Spent", custom: false, schema: { type: "number" } },
  {
    id: "customfield_10016",
    name: "Story point estimate",
    custom: true,
    clauseNames: ["cf[10016]", "Story point estimate"],
    schema: { type: "number", custom: "com.pyxis.greenhopper.jira:jsw-story-points", customId: 10016 },
  },
  {
    id: "customfield_10026",
    name: "Story Points",
    custom: true,
    clauseNames: ["cf[10026]", "Story Points"],
    schema: {
      type: "number",
      custom: "com.atlassian.jira.plugin.system.customfieldtypes:float",
      customId: 10026,
    },
  },
  { id: "customfield_10030", name: "Business Value", custom: true, schema: { type: "number" } },
  { id: "customfield_10040", name: "Team", custom: true, schema: { type: "string" } },
  { id: "customfield_10050", name: "story points", custom: true, schema: { type: "string" } },
];

describe("discoverMetricFields", () => {
  const found = discoverMetricFields(fields);

  it("finds story-point fields by name or type, numeric only", () => {
    expect(found.storyPoints.map((f) => f.id)).toEqual(["customfield_10016", "customfield_10026"]);
    expect(found.storyPoints[0]?.clause).toBe("cf[10016]");
  });

  it("lists every numeric custom field, system fields excluded", () => {
    expect(found.numeric.map((f) => [f.id, f.role])).toEqual([
      ["customfield_10030", "number"],
      ["customfield_10016", "story_points"],
      ["customfield_10026", "story_points"],
    ]);
  });

  it("handles no fields", () => {
    expect(discoverMetricFields([])).toEqual({ storyPoints: [], numeric: [] });
  });
});
