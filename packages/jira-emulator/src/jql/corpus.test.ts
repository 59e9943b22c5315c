import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileJql } from "./compile-jql.ts";
import { fixtureSite, issues } from "./test/fixture-site.ts";

/** The parser package's own query sets (see test/corpus/README.md). */
const dir = new URL("./test/corpus/", import.meta.url);
const sets = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({
    name: f,
    ...(JSON.parse(readFileSync(new URL(f, dir), "utf8")) as { valid: string[]; invalid: string[] }),
  }));
const valid = sets.flatMap((s) => s.valid.map((q): [string, string] => [s.name, q]));
const invalid = sets.flatMap((s) => s.invalid.map((q): [string, string] => [s.name, q]));
const site = fixtureSite();

/** Messages that are validation (not syntax) results: a valid query may only fail with these. */
const VALIDATION = [
  /^Field '.*' does not exist or you do not have permission to view it\.$/,
  /^The operator '.*' is not supported by the '.*' field\.$/,
  /^The value '.*' does not exist for the field '.*'\.$/,
  /^An issue with key '.*' does not exist for field '.*'\.$/,
  /^The issue key '.*' for field '.*' is invalid\.$/,
  /^Unable to find JQL function '.*\(\)'\.$/,
  /^Function '.*' /,
  /^A value provided by the function '.*' is invalid for the field '.*'\.$/,
  /^Date value '.*' for field '.*' is invalid\./,
  /^Value '.*' is not a valid number for field '.*'\.$/,
  /^Field '.*' does not support sorting\.$/,
  /^The sort field '.*' is referenced multiple times in the JQL sort\.$/,
  /^The field '.*' does not support searching for EMPTY values\.$/,
  /^The text query '.*' for field '.*' is not valid/,
];

describe("@atlaskit/jql-parser corpus", () => {
  it("has at least 100 valid and 50 invalid queries", () => {
    expect(valid.length).toBeGreaterThanOrEqual(100);
    expect(invalid.length).toBeGreaterThanOrEqual(50);
  });

  it.each(valid)("valid (%s): %s", (_set, jql) => {
    const result = compileJql(jql, site);
    if (result.ok) {
      for (const issue of issues) expect(typeof result.query.matches(issue)).toBe("boolean");
      expect(() => [...issues].sort(result.query.compare)).not.toThrow();
    } else {
      expect(result.errorMessages.length).toBeGreaterThan(0);
      for (const message of result.errorMessages) {
        expect(message).not.toMatch(/^Error in the JQL Query/);
        expect(
          VALIDATION.some((re) => re.test(message.replace(/\s/g, " "))),
          message,
        ).toBe(true);
      }
    }
  });

  it.each(invalid)("invalid (%s): %s", (_set, jql) => {
    const result = compileJql(jql, site);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorMessages).toHaveLength(1);
    const [message] = result.errorMessages;
    const positioned = /^Error in the JQL Query: .+ \(line \d+, character \d+\)$/s;
    const atEnd = /^Error in the JQL Query: .+ before the end of the query\.( The valid operators .*)?$/s;
    const nonList = /^Operator '.*' does not support the non-list value '.*' for field '.*'\.$/;
    expect(
      [positioned, atEnd, nonList].some((re) => re.test(message ?? "")),
      message,
    ).toBe(true);
  });
});
