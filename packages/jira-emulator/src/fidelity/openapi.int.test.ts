import { readFileSync } from "node:fs";
import { OpenAPIBackend } from "openapi-backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { basic, demoEmulator } from "../test-support.ts";

/** The official Jira Cloud platform spec, vendored in `reference/`. */
const SPEC = new URL("../../reference/jira-platform-swagger-v3.v3.json", import.meta.url);

let jira: JiraEmulator;
let api: OpenAPIBackend;

beforeAll(async () => {
  jira = await demoEmulator();
  api = new OpenAPIBackend({
    definition: JSON.parse(readFileSync(SPEC, "utf8")),
    strict: false,
    validate: true,
    quick: true,
  });
  await api.init();
});
afterAll(() => jira.close());

/**
 * Where recorded real responses (../shared/jira/fixtures) contradict the spec, the emulator follows real Jira:
 * these extra keys appear in real payloads though the spec's schemas forbid additional properties, and
 * changelog `from`/`to` are null in real payloads though the spec types them as non-null strings.
 */
const REAL_EXTRA_KEYS = new Set(["defaultLocale", "entityId", "untranslatedName", "expand"]);

interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

/**
 * The spec's `JqlQueryClause` is `additionalProperties: false` beside an `anyOf` with no `properties`, so a
 * strict validator rejects every clause, the spec's own `jql/parse` example included: a defect of the
 * spec, not a deviation (its `anyOf` branches are still checked).
 */
const SPEC_DEFECT_CLAUSE = /\/(where|clauses\/items)\/additionalProperties$/;

function deviatesFromReality(error: AjvError, data: unknown): boolean {
  if (error.keyword === "additionalProperties" && SPEC_DEFECT_CLAUSE.test(error.schemaPath)) return false;
  if (error.keyword === "additionalProperties")
    return !REAL_EXTRA_KEYS.has(String(error.params.additionalProperty));
  if (error.keyword === "type") {
    const value = error.instancePath
      .split("/")
      .slice(1)
      .reduce<unknown>(
        (node, key) =>
          node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined,
        data,
      );
    return !(value === null && /\/(from|to|fromString|toString)$/.test(error.instancePath));
  }
  return true;
}

/** A path, or one computed when the case runs (ids handed out by earlier cases). */
type CasePath = string | (() => string);

/** A value computed when its case runs, named `label` in the test title. */
const late = <T>(label: string, make: () => T): (() => T) => Object.assign(make, { toString: () => label });

/** The id of the newest worklog on an issue (the one an earlier case logged). */
const lastWorklogId = (key: string): string => {
  const issue = jira.admin.store.findIssue(key);
  return issue === undefined
    ? "none"
    : (jira.admin.store.worklogsByIssue.get(issue.id)?.at(-1)?.id ?? "none");
};
const idOf = (key: string): string => jira.admin.store.findIssue(key)?.id ?? "0";
const projectIdOf = (key: string): string => jira.admin.store.findProject(key)?.id ?? "0";

const CASES: [string, CasePath, unknown?][] = [
  ["GET", "/rest/api/3/serverInfo"],
  ["GET", "/rest/api/3/myself"],
  ["GET", "/rest/api/3/project/search?maxResults=3&expand=insight"],
  ["GET", "/rest/api/3/project/AE"],
  ["GET", "/rest/api/3/field"],
  ["GET", "/rest/api/3/statuscategory"],
  ["GET", "/rest/api/3/status"],
  ["GET", "/rest/api/3/issuetype"],
  [
    "GET",
    `/rest/api/3/search/jql?jql=${encodeURIComponent("project = AE")}&fields=*all&expand=names,schema,changelog&maxResults=3`,
  ],
  [
    "POST",
    "/rest/api/3/search/jql",
    { jql: "parent = AE-786", fields: ["summary", "status", "parent"], maxResults: 3 },
  ],
  ["POST", "/rest/api/3/search/approximate-count", { jql: "project = AE" }],
  [
    "POST",
    "/rest/api/3/jql/parse?validation=strict",
    { queries: ["project = AE ORDER BY created DESC", "summary = x"] },
  ],
  ["GET", "/rest/api/3/issue/AE-787?expand=changelog,transitions,names,schema"],
  ["POST", "/rest/api/3/issue/bulkfetch", { issueIdsOrKeys: ["AE-787", "AE-1"], fields: ["*navigable"] }],
  ["GET", "/rest/api/3/issue/AE-787/changelog"],
  ["GET", "/rest/api/3/issue/AE-787/transitions"],
  ["GET", "/rest/api/3/issue/AE-787/worklog"],
  [
    "POST",
    "/rest/api/3/issue",
    { fields: { project: { key: "AE" }, issuetype: { name: "Task" }, summary: "Spec check" } },
  ],
  [
    "POST",
    "/rest/api/3/issue/bulk",
    {
      issueUpdates: [
        { fields: { project: { key: "AE" }, issuetype: { name: "Task" }, summary: "Bulk spec check" } },
      ],
    },
  ],
  ["POST", "/rest/api/3/issue/AE-788/worklog", { timeSpentSeconds: 1800 }],
  [
    "POST",
    "/rest/api/3/project",
    {
      key: "SPEC",
      name: "Spec",
      projectTypeKey: "software",
      projectTemplateKey: "com.pyxis.greenhopper.jira:gh-scrum-template",
    },
  ],
  [
    "POST",
    "/rest/api/3/field",
    { name: "Spec number", type: "com.atlassian.jira.plugin.system.customfieldtypes:float" },
  ],
  ["GET", "/rest/api/3/issue/AE-99999"],
  ["GET", `/rest/api/3/search/jql?jql=${encodeURIComponent("order by key")}`],
  ["GET", "/rest/api/3/myself?expand=groups&expand=applicationRoles"],
  ["GET", "/rest/api/3/status/Shipped"],
  ["GET", "/rest/api/3/status/nope"],
  ["GET", "/rest/api/3/statuses/search?maxResults=2&statusCategory=DONE"],
  ["GET", "/rest/api/3/statuscategory/done"],
  ["GET", "/rest/api/3/statuscategory/99"],
  ["GET", "/rest/api/3/issuetype/10002"],
  ["GET", "/rest/api/3/issuetype/10002/alternatives"],
  ["GET", "/rest/api/3/issuetype/99999"],
  ["GET", "/rest/api/3/field/search?type=custom&maxResults=3&orderBy=name"],
  [
    "GET",
    late(
      "/rest/api/3/issue/AE-788/worklog/{id}",
      () => `/rest/api/3/issue/AE-788/worklog/${lastWorklogId("AE-788")}`,
    ),
  ],
  [
    "PUT",
    late(
      "/rest/api/3/issue/AE-788/worklog/{id}",
      () => `/rest/api/3/issue/AE-788/worklog/${lastWorklogId("AE-788")}`,
    ),
    { timeSpent: "1h" },
  ],
  ["POST", "/rest/api/3/worklog/list", { ids: [10001, 10002, 10003] }],
  ["GET", "/rest/api/3/worklog/updated?since=0"],
  ["POST", "/rest/api/3/worklog/list", { ids: "not a list" }],
  [
    "POST",
    "/rest/api/3/jql/match",
    () => ({
      issueIds: [Number(idOf("AE-786")), Number(idOf("AE-787"))],
      jqls: ["issuetype = Epic", "x = y"],
    }),
  ],
  ["GET", `/rest/api/3/issue/picker?query=email&currentJQL=${encodeURIComponent("project = AE")}`],
  ["GET", "/rest/api/3/jql/autocompletedata"],
  ["GET", "/rest/api/3/jql/autocompletedata/suggestions?fieldName=status&fieldValue=do"],
  ["PUT", "/rest/api/3/mypreferences?key=spec.pref", "on"],
  ["GET", "/rest/api/3/mypreferences?key=spec.pref"],
  ["DELETE", "/rest/api/3/mypreferences?key=spec.pref"],
  ["GET", "/rest/api/3/mypreferences?key=spec.pref"],
  ["GET", "/rest/api/3/mypreferences/locale"],
  ["GET", "/rest/api/3/project/AE/statuses"],
  [
    "GET",
    late("/rest/api/3/project/{id}/hierarchy", () => `/rest/api/3/project/${projectIdOf("AE")}/hierarchy`),
  ],
  ["GET", "/rest/api/3/project/AE/role"],
  ["GET", "/rest/api/3/project/AE/role/10002"],
  ["GET", "/rest/api/3/project/ae"],
  ["GET", "/rest/api/3/configuration/timetracking"],
  ["PUT", "/rest/api/3/configuration/timetracking", { key: "JIRA" }],
  ["GET", "/rest/api/3/configuration/timetracking/list"],
  ["GET", "/rest/api/3/configuration/timetracking/options"],
  [
    "PUT",
    "/rest/api/3/configuration/timetracking/options",
    { workingHoursPerDay: 8, workingDaysPerWeek: 5, timeFormat: "pretty", defaultUnit: "minute" },
  ],
  [
    "DELETE",
    late(
      "/rest/api/3/issue/AE-788/worklog/{id}",
      () => `/rest/api/3/issue/AE-788/worklog/${lastWorklogId("AE-788")}`,
    ),
  ],
  ["DELETE", "/rest/api/3/project/SPEC"],
];

describe("responses validate against the official OpenAPI spec (openapi-backend)", () => {
  it.each(CASES)("%s %s", async (method, pathOrFn, bodyOrFn) => {
    const path = typeof pathOrFn === "function" ? pathOrFn() : pathOrFn;
    const body = typeof bodyOrFn === "function" ? bodyOrFn() : bodyOrFn;
    const response = await jira.fetch(`${jira.url}${path}`, {
      method,
      headers: { authorization: basic("ada@example.com", "token123"), "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const data: unknown = text === "" ? null : JSON.parse(text);
    expect(response.headers.get("x-jira-emulator"), "route not emulated").toBeNull();
    const url = new URL(path, jira.url);
    const operation = api.matchOperation({
      method,
      path: url.pathname,
      query: url.search.slice(1),
      headers: {},
    });
    expect(operation, `no operation for ${method} ${url.pathname}`).toBeDefined();
    if (operation === undefined) return;
    const result = api.validateResponse(data, operation, response.status);
    const errors = ((result.errors ?? []) as AjvError[]).filter((error) => deviatesFromReality(error, data));
    expect(errors, JSON.stringify(errors.slice(0, 3))).toEqual([]);
  });
});
