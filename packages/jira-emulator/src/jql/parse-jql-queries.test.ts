import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJqlQueries } from "./parse-jql-queries.ts";
import { fixtureSite } from "./test/fixture-site.ts";

const site = fixtureSite();

describe("POST /rest/api/3/jql/parse", () => {
  it("matches the official example's errors and warnings (validation=warn)", () => {
    const fixture = JSON.parse(
      readFileSync(new URL("../../reference/jql-parse-example.json", import.meta.url), "utf8"),
    ) as { queries: { query: string; errors?: string[]; warnings?: string[] }[] };
    const expected = fixture.queries.filter((q) => q.errors || q.warnings);
    const actual = parseJqlQueries(
      expected.map((q) => q.query),
      "warn",
      site,
    ).queries;
    expect(actual.map((q) => ({ query: q.query, errors: q.errors, warnings: q.warnings }))).toEqual(
      expected.map((q) => ({ query: q.query, errors: q.errors, warnings: q.warnings })),
    );
  });

  it("builds Jira's structure", () => {
    const [parsed] = parseJqlQueries(
      [
        "summary ~ test AND (labels in (urgent, blocker) OR assignee = currentUser()) AND status CHANGED AFTER startOfMonth(-1M) ORDER BY updated DESC",
      ],
      "strict",
      site,
    ).queries;
    expect(parsed).toEqual({
      query:
        "summary ~ test AND (labels in (urgent, blocker) OR assignee = currentUser()) AND status CHANGED AFTER startOfMonth(-1M) ORDER BY updated DESC",
      structure: {
        where: {
          operator: "and",
          clauses: [
            {
              field: { name: "summary", encodedName: "summary" },
              operator: "~",
              operand: { value: "test", encodedValue: "test" },
            },
            {
              operator: "or",
              clauses: [
                {
                  field: { name: "labels", encodedName: "labels" },
                  operator: "in",
                  operand: {
                    values: [
                      { value: "urgent", encodedValue: "urgent" },
                      { value: "blocker", encodedValue: "blocker" },
                    ],
                    encodedOperand: "(urgent, blocker)",
                  },
                },
                {
                  field: { name: "assignee", encodedName: "assignee" },
                  operator: "=",
                  operand: { function: "currentUser", arguments: [], encodedOperand: "currentUser()" },
                },
              ],
            },
            {
              field: { name: "status", encodedName: "status" },
              operator: "changed",
              predicates: [
                {
                  operator: "after",
                  operand: {
                    function: "startOfMonth",
                    arguments: ["-1M"],
                    encodedOperand: "startOfMonth(-1M)",
                  },
                },
              ],
            },
          ],
        },
        orderBy: { fields: [{ field: { name: "updated", encodedName: "updated" }, direction: "desc" }] },
      },
    });
  });

  it.each<[string, unknown]>([
    [
      'issue.property["spaces here"].value in ("Service requests", Incidents)',
      {
        field: {
          name: "issue.property[spaces here].value",
          encodedName: 'issue.property["spaces here"].value',
          property: [{ entity: "issue", key: "spaces here", path: "value" }],
        },
        operator: "in",
        operand: {
          values: [
            { value: "Service requests", encodedValue: '"Service requests"' },
            { value: "Incidents", encodedValue: "Incidents" },
          ],
          encodedOperand: '("Service requests", Incidents)',
        },
      },
    ],
    [
      '"Epic Link" is not EMPTY',
      {
        field: { name: "Epic Link", encodedName: '"Epic Link"' },
        operator: "is not",
        operand: { keyword: "empty" },
      },
    ],
    [
      "not status was Shipped by acc-bob",
      {
        operator: "not",
        clauses: [
          {
            field: { name: "status", encodedName: "status" },
            operator: "was",
            operand: { value: "Shipped", encodedValue: "Shipped" },
            predicates: [{ operator: "by", operand: { value: "acc-bob", encodedValue: "acc-bob" } }],
          },
        ],
      },
    ],
  ])("structure of %s (validation=none)", (jql, where) => {
    expect(parseJqlQueries([jql], "none", site).queries[0]).toEqual({ query: jql, structure: { where } });
  });

  it.each<["strict" | "warn" | "none", unknown]>([
    [
      "strict",
      { query: "project = NOPE", errors: ["The value 'NOPE' does not exist for the field 'project'."] },
    ],
    [
      "warn",
      {
        query: "project = NOPE",
        structure: expect.anything(),
        warnings: ["The value 'NOPE' does not exist for the field 'project'."],
      },
    ],
    ["none", { query: "project = NOPE", structure: expect.anything() }],
  ])("unknown values with validation=%s", (validation, expected) => {
    expect(parseJqlQueries(["project = NOPE"], validation, site).queries[0]).toEqual(expected);
  });

  it("reports syntax errors whatever the validation", () => {
    expect(parseJqlQueries(["invalid query"], "none", site).queries[0]?.errors?.[0]).toMatch(
      /character 9\)$/,
    );
  });
});
