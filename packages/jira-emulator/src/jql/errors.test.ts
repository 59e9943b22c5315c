import { describe, expect, it } from "vitest";
import { compileJql } from "./compile-jql.ts";
import { UNBOUNDED_JQL_MESSAGE } from "./messages.ts";
import { fixtureSite } from "./test/fixture-site.ts";

const site = fixtureSite();
const OPS =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

function errors(jql: string): string[] {
  const result = compileJql(jql, site);
  return result.ok ? [] : result.errorMessages;
}

describe("JQL errors use Jira's wording", () => {
  it.each<[string, string]>([
    [
      "invalid query",
      `Error in the JQL Query: Expecting operator but got 'query'. ${OPS} (line 1, character 9)`,
    ],
    [
      "project = AL and (status = Shipped",
      "Error in the JQL Query: Expecting ')' before the end of the query.",
    ],
    [
      "project = AL status = Shipped",
      "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 14)",
    ],
    [
      "project = ",
      "Error in the JQL Query: Expecting either a value, list or function before the end of the query.",
    ],
    ["project = AL and", "Error in the JQL Query: Expecting a field name before the end of the query."],
    ["project", `Error in the JQL Query: Expecting operator before the end of the query. ${OPS}`],
    [
      "status = select",
      "Error in the JQL Query: 'select' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 10)",
    ],
    [
      "summary ~ pay*",
      "Error in the JQL Query: The character '*' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002a' instead. (line 1, character 14)",
    ],
    [
      "summary ~ 'unfinished",
      "Error in the JQL Query: The quoted string 'unfinished' has not been completed. (line 1, character 11)",
    ],
    [
      "project = AL order created",
      "Error in the JQL Query: Expecting 'BY' but got 'created'. (line 1, character 20)",
    ],
    [
      "project = AL order by created sideways",
      "Error in the JQL Query: Expecting either 'ASC' or 'DESC' but got 'sideways'. (line 1, character 31)",
    ],
    [
      "project = AL\nand status",
      `Error in the JQL Query: Expecting operator before the end of the query. ${OPS}`,
    ],
    [
      "project = AL\nand status query",
      `Error in the JQL Query: Expecting operator but got 'query'. ${OPS} (line 2, character 12)`,
    ],
    ["summary = test", "The operator '=' is not supported by the 'summary' field."],
    ["summary in test", "Operator 'in' does not support the non-list value '\"test\"' for field 'summary'."],
    ["universe = 42", "Field 'universe' does not exist or you do not have permission to view it."],
    ["project = INVALID", "The value 'INVALID' does not exist for the field 'project'."],
    ["status = Nope", "The value 'Nope' does not exist for the field 'status'."],
    ["issuetype = Nope", "The value 'Nope' does not exist for the field 'issuetype'."],
    ["assignee = nobody", "The value 'nobody' does not exist for the field 'assignee'."],
    ["sprint = 99", "The value '99' does not exist for the field 'sprint'."],
    ["key = AL-99", "An issue with key 'AL-99' does not exist for field 'key'."],
    ["parent = nonsense", "The issue key 'nonsense' for field 'parent' is invalid."],
    ["assignee = whoami()", "Unable to find JQL function 'whoami()'."],
    ["assignee in membersOf()", "Function 'membersOf' expected '1' arguments but received '0'."],
    [
      "created > startOfDay(1, 2)",
      "Function 'startOfDay' expected between '0' and '1' arguments but received '2'.",
    ],
    [
      "assignee in membersOf(ghosts)",
      "Function 'membersOf' can not generate a list of usernames for group 'ghosts'; the group does not exist.",
    ],
    [
      "created > startOfMonth(soon)",
      "Duration for function 'startOfMonth' should have the format (+/-)n(yMwdhm), e.g. -1M for 1 month earlier.",
    ],
    [
      "project = currentUser()",
      "A value provided by the function 'currentUser' is invalid for the field 'project'.",
    ],
    [
      "created > yesterday",
      "Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
    ['"Story Points" > lots', "Value 'lots' is not a valid number for field 'Story Points'."],
    ["labels ~ q1", "The operator '~' is not supported by the 'labels' field."],
    ["priority > 3 and project ~ AL", "The operator '~' is not supported by the 'project' field."],
    ["labels was q1", "The operator 'was' is not supported by the 'labels' field."],
    ["summary changed", "The operator 'changed' is not supported by the 'summary' field."],
    ["issuetype was Bug", "The operator 'was' is not supported by the 'issuetype' field."],
    ["Checklist = done", "The operator '=' is not supported by the 'Checklist' field."],
    ["Rank = 1", "The operator '=' is not supported by the 'Rank' field."],
    ["key is empty", "The operator 'is' is not supported by the 'key' field."],
    ["text !~ cache", "The operator '!~' is not supported by the 'text' field."],
    [
      'issue.property["spaces here"].value = x',
      "Field 'issue.property[spaces here].value' does not exist or you do not have permission to view it.",
    ],
    [
      "project = AL order by universe",
      "Field 'universe' does not exist or you do not have permission to view it.",
    ],
    ["project = AL order by description", "Field 'description' does not support sorting."],
    ["project = AL order by key, key", "The sort field 'key' is referenced multiple times in the JQL sort."],
    [
      "project = AL order by key, status, priority, created, updated, summary, assignee, reporter",
      "The ORDER BY clause can contain no more than 7 fields.",
    ],
  ])("%s", (jql, message) => {
    expect(errors(jql)).toEqual([message]);
  });

  it("reports every validation error of a query, as Jira does", () => {
    expect(errors("project = VULN AND universe = 1 AND summary = x")).toEqual([
      "The value 'VULN' does not exist for the field 'project'.",
      "Field 'universe' does not exist or you do not have permission to view it.",
      "The operator '=' is not supported by the 'summary' field.",
    ]);
  });

  it("never throws, whatever the input", () => {
    for (const jql of [
      "",
      " ",
      "(",
      ")",
      "\u0000",
      "a = \uffff",
      "cf[",
      "!!!",
      "order by",
      '"',
      "a in ((b)",
      "x = y(",
      "\\",
    ]) {
      expect(() => compileJql(jql, site)).not.toThrow();
    }
  });
});

describe("bounded queries", () => {
  it.each<[string, boolean]>([
    ["", false],
    ["order by key desc", false],
    ["ORDER BY created", false],
    ["assignee = currentUser() order by key", true],
    ["project = AL", true],
    ["created > -1d", true],
  ])("%s → bounded %s", (jql, bounded) => {
    const result = compileJql(jql, site);
    expect(result.ok && result.query.isBounded).toBe(bounded);
  });

  it("exposes Jira's message for unbounded searches", () => {
    expect(UNBOUNDED_JQL_MESSAGE).toBe(
      "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.",
    );
  });

  it.each<[string, string[] | undefined]>([
    ["project = AL", ["AL"]],
    ["project in (AL, BE) and status = Shipped", ["AL", "BE"]],
    ["project = AL and project in (AL, BE)", ["AL"]],
    ["project = AL or project = beta", ["AL", "BE"]],
    ["project = AL or status = Shipped", undefined],
    ["not project = AL", undefined],
    ["status = Shipped", undefined],
  ])("%s → project hint %j", (jql, keys) => {
    const result = compileJql(jql, site);
    expect(result.ok ? result.query.projectKeys : "error").toEqual(keys);
  });
});
