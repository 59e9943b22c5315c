import { describe, expect, it } from "vitest";
import { findNumericCustomFields, type JiraFieldInfo } from "./jira-field.ts";
import { findStoryPointFields, resolveStoryPoints } from "./story-points.ts";

const JSW = "com.pyxis.greenhopper.jira:jsw-story-points";
const FLOAT = "com.atlassian.jira.plugin.system.customfieldtypes:float";

/** Shaped like Jira Cloud's /rest/api/3/field (and the emulator's catalogue). */
const FIELDS: readonly JiraFieldInfo[] = [
  { id: "summary", name: "Summary", custom: false, schema: { type: "string" } },
  { id: "timespent", name: "Time Spent", custom: false, schema: { type: "number" } },
  {
    id: "customfield_10016",
    name: "Story point estimate",
    custom: true,
    schema: { type: "number", custom: JSW },
  },
  { id: "customfield_10020", name: "Sprint", custom: true, schema: { type: "array" } },
  { id: "customfield_10026", name: "Story Points", custom: true, schema: { type: "number", custom: FLOAT } },
  { id: "customfield_10042", name: "Revenue", custom: true, schema: { type: "number", custom: FLOAT } },
  { id: "customfield_10050", name: "Story Points notes", custom: true, schema: { type: "string" } },
  { id: "customfield_10060", name: "Epic Name", custom: true, schema: { type: "string" } },
];

describe("findNumericCustomFields", () => {
  it("offers every custom number field, in the site's order", () => {
    expect(findNumericCustomFields(FIELDS)).toEqual([
      { id: "customfield_10016", name: "Story point estimate" },
      { id: "customfield_10026", name: "Story Points" },
      { id: "customfield_10042", name: "Revenue" },
    ]);
  });

  it.each<[string, JiraFieldInfo, boolean]>([
    ["custom number", { id: "c1", name: "A", custom: true, schema: { type: "number" } }, true],
    [
      "system number",
      { id: "timespent", name: "Time Spent", custom: false, schema: { type: "number" } },
      false,
    ],
    ["custom string", { id: "c2", name: "B", custom: true, schema: { type: "string" } }, false],
    ["custom without schema", { id: "c3", name: "C", custom: true }, false],
    ["custom flag missing", { id: "c4", name: "D", schema: { type: "number" } }, false],
  ])("%s → offered %s", (_name, field, offered) => {
    expect(findNumericCustomFields([field])).toHaveLength(offered ? 1 : 0);
  });

  it("an empty field list offers nothing", () => {
    expect(findNumericCustomFields([])).toEqual([]);
  });
});

describe("findStoryPointFields", () => {
  it("finds both Jira story-point fields, company-managed Story Points first", () => {
    expect(findStoryPointFields(FIELDS).map((f) => f.id)).toEqual(["customfield_10026", "customfield_10016"]);
  });

  it.each<[string, JiraFieldInfo, boolean]>([
    ["Story Points", { id: "c", name: "Story Points", custom: true, schema: { type: "number" } }, true],
    [
      "Story point estimate",
      { id: "c", name: "Story point estimate", custom: true, schema: { type: "number" } },
      true,
    ],
    [
      "other case and spacing",
      { id: "c", name: "  story   POINTS ", custom: true, schema: { type: "number" } },
      true,
    ],
    ["Story Point", { id: "c", name: "Story Point", custom: true, schema: { type: "number" } }, true],
    [
      "renamed, Jira Software type",
      { id: "c", name: "Effort", custom: true, schema: { type: "number", custom: JSW } },
      true,
    ],
    ["no schema", { id: "c", name: "Story Points", custom: true }, true],
    [
      "text field of that name",
      { id: "c", name: "Story Points", custom: true, schema: { type: "string" } },
      false,
    ],
    [
      "a different name",
      { id: "c", name: "Story Points notes", custom: true, schema: { type: "number" } },
      false,
    ],
    ["Revenue", { id: "c", name: "Revenue", custom: true, schema: { type: "number" } }, false],
  ])("%s → story points %s", (_name, field, found) => {
    expect(findStoryPointFields([field])).toHaveLength(found ? 1 : 0);
  });

  it("keeps the site's order between fields of the same name", () => {
    const twins: JiraFieldInfo[] = [
      { id: "customfield_2", name: "Story Points", custom: true, schema: { type: "number" } },
      { id: "customfield_1", name: "Story Points", custom: true, schema: { type: "number" } },
    ];
    expect(findStoryPointFields(twins).map((f) => f.id)).toEqual(["customfield_2", "customfield_1"]);
  });
});

describe("resolveStoryPoints", () => {
  const ids = ["customfield_10026", "customfield_10016"];
  it.each<[string, Record<string, unknown>, readonly string[], number | null]>([
    ["first field set", { customfield_10026: 5, customfield_10016: 3 }, ids, 5],
    ["first field null, second set", { customfield_10026: null, customfield_10016: 3 }, ids, 3],
    ["first field absent, second set", { customfield_10016: 8 }, ids, 8],
    ["0 is a value, not empty", { customfield_10026: 0, customfield_10016: 3 }, ids, 0],
    ["fractional points", { customfield_10026: 0.5 }, ids, 0.5],
    ["non-numeric values are empty", { customfield_10026: "5", customfield_10016: Number.NaN }, ids, null],
    ["both empty", { customfield_10026: null }, ids, null],
    ["no story-point fields on the site", { customfield_10026: 5 }, [], null],
    [
      "connection override picks the other field",
      { customfield_10026: 5, customfield_10016: 3 },
      ["customfield_10016"],
      3,
    ],
  ])("%s → %s", (_name, fields, fieldIds, points) => {
    expect(resolveStoryPoints(fields, fieldIds)).toBe(points);
  });
});
