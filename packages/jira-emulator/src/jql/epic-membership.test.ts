import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { at, call, demoEmulator, list } from "../test-support.ts";

/**
 * Pins what `parent` and `"Epic Link"` match, which Goalpost's sync relies on when it reads many epic queries
 * in one `parent in (…) OR "Epic Link" in (…)` search and assigns membership itself (apps/server/src/sync/
 * epic-queries.ts). From shared/jira/NOTES.md: since Atlassian's 2023–24 change `parent` links an epic's
 * children in company- and team-managed projects alike, and JQL `"Epic Link" = X` still works; the recorded
 * fixtures render `parent` as `{id, key, fields:{…, issuetype:{hierarchyLevel}}}`.
 */
let jira: JiraEmulator;
const EPIC_LINK = "customfield_10014";

async function create(fields: Record<string, unknown>): Promise<string> {
  const created = await call(jira, "POST", "/rest/api/3/issue", { body: { fields } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return String(at(created.body, "key"));
}

async function search(jql: string): Promise<{ status: number; keys: string[]; body: unknown }> {
  const found = await call(jira, "POST", "/rest/api/3/search/jql", {
    body: { jql, fields: ["parent", "updated", EPIC_LINK], maxResults: 1000 },
  });
  const keys = list(found.body, "issues")
    .map((issue) => String(at(issue, "key")))
    .sort();
  return { status: found.status, keys, body: found.body };
}

const keysOf = async (jql: string) => (await search(jql)).keys;

let classicEpic: string;
let classicChild: string;
let classicSubtask: string;
let legacyLinked: string;
let teamEpic: string;
let teamChild: string;
let teamSubtask: string;
let otherEpic: string;

beforeAll(async () => {
  jira = await demoEmulator();
  for (const [key, template] of [
    ["CMP", "com.pyxis.greenhopper.jira:gh-scrum-template"],
    ["TMP", "com.pyxis.greenhopper.jira:gh-simplified-agility-scrum"],
  ] as const) {
    const project = await call(jira, "POST", "/rest/api/3/project", {
      body: { key, name: key, projectTypeKey: "software", projectTemplateKey: template },
    });
    expect(project.status).toBe(201);
  }
  // Company-managed: the child carries both parent and Epic Link, as Cloud renders it.
  classicEpic = await create({ project: { key: "CMP" }, issuetype: { name: "Epic" }, summary: "Epic" });
  otherEpic = await create({ project: { key: "CMP" }, issuetype: { name: "Epic" }, summary: "Other" });
  classicChild = await create({
    project: { key: "CMP" },
    issuetype: { name: "Story" },
    summary: "Child",
    parent: { key: classicEpic },
    [EPIC_LINK]: classicEpic,
  });
  classicSubtask = await create({
    project: { key: "CMP" },
    issuetype: { name: "Sub-task" },
    summary: "Sub-task of the child",
    parent: { key: classicChild },
  });
  // Data from before the parent migration: an Epic Link and no parent.
  legacyLinked = await create({
    project: { key: "CMP" },
    issuetype: { name: "Story" },
    summary: "Linked the old way",
    [EPIC_LINK]: classicEpic,
  });
  // Team-managed: parent only.
  teamEpic = await create({ project: { key: "TMP" }, issuetype: { name: "Epic" }, summary: "Team epic" });
  teamChild = await create({
    project: { key: "TMP" },
    issuetype: { name: "Story" },
    summary: "Team child",
    parent: { key: teamEpic },
  });
  teamSubtask = await create({
    project: { key: "TMP" },
    issuetype: { name: "Subtask" },
    summary: "Team sub-task",
    parent: { key: teamChild },
  });
});
afterAll(() => jira.close());

describe("epic membership in JQL (what a batched epic read assigns locally)", () => {
  it("company-managed: parent = E holds children with parent E; Epic Link = E adds Epic-Link-only issues", async () => {
    expect(await keysOf(`parent = ${classicEpic}`)).toEqual([classicChild]);
    expect(await keysOf(`"Epic Link" = ${classicEpic}`)).toEqual([classicChild, legacyLinked].sort());
  });

  it("team-managed: Epic Link = E is an alias of parent = E for an epic", async () => {
    expect(await keysOf(`parent = ${teamEpic}`)).toEqual([teamChild]);
    expect(await keysOf(`"Epic Link" = ${teamEpic}`)).toEqual([teamChild]);
  });

  it("sub-tasks of children belong to neither query of the epic, only to parent = their story", async () => {
    for (const epic of [classicEpic, teamEpic]) {
      for (const jql of [`parent = ${epic}`, `"Epic Link" = ${epic}`]) {
        const keys = await keysOf(jql);
        expect(keys).not.toContain(classicSubtask);
        expect(keys).not.toContain(teamSubtask);
      }
    }
    expect(await keysOf(`parent = ${classicChild}`)).toEqual([classicSubtask]);
    expect(await keysOf(`"Epic Link" = ${classicChild}`)).toEqual([]);
  });

  it("renders parent with its key and hierarchy level, and Epic Link as the epic's key", async () => {
    const { body } = await search(`key in (${classicChild}, ${teamSubtask})`);
    const byKey = new Map(list(body, "issues").map((issue) => [String(at(issue, "key")), issue]));
    const child = byKey.get(classicChild);
    expect(at(child, "fields", "parent", "key")).toBe(classicEpic);
    expect(at(child, "fields", "parent", "fields", "issuetype", "hierarchyLevel")).toBe(1);
    expect(at(child, "fields", EPIC_LINK)).toBe(classicEpic);
    const subtask = byKey.get(teamSubtask);
    expect(at(subtask, "fields", "parent", "key")).toBe(teamChild);
    expect(at(subtask, "fields", "parent", "fields", "issuetype", "hierarchyLevel")).toBe(0);
  });

  it("the combined search is the union of the per-epic queries", async () => {
    const epics = `${classicEpic}, ${teamEpic}, ${otherEpic}`;
    const combined = await keysOf(`parent in (${epics}) OR "Epic Link" in (${epics})`);
    const union = new Set<string>();
    for (const epic of [classicEpic, teamEpic, otherEpic]) {
      for (const key of await keysOf(`parent = ${epic}`)) union.add(key);
      for (const key of await keysOf(`"Epic Link" = ${epic}`)) union.add(key);
    }
    expect(combined).toEqual([...union].sort());
  });

  it("a child moved to another epic leaves the first epic's queries, joins the other's, and its updated moves", async () => {
    const before = String(at((await search(`key = ${teamChild}`)).body, "issues", 0, "fields", "updated"));
    jira.admin.setClock({ advanceMs: 60_000 });
    const moved = await call(jira, "PUT", `/rest/api/3/issue/${teamChild}`, {
      body: { fields: { parent: { key: otherEpic } } },
    });
    expect(moved.status).toBe(204);
    expect(await keysOf(`parent = ${teamEpic}`)).toEqual([]);
    expect(await keysOf(`"Epic Link" = ${teamEpic}`)).toEqual([]);
    expect(await keysOf(`parent = ${otherEpic}`)).toEqual([teamChild]);
    expect(await keysOf(`"Epic Link" = ${otherEpic}`)).toEqual([teamChild]);
    const after = String(at((await search(`key = ${teamChild}`)).body, "issues", 0, "fields", "updated"));
    expect(after).not.toBe(before);
    // Its sub-task still follows its story, not an epic.
    expect(await keysOf(`parent = ${teamChild}`)).toEqual([teamSubtask]);
  });

  it("a deleted epic: its children still match its key, but no longer render it as their parent", async () => {
    const doomed = await create({ project: { key: "TMP" }, issuetype: { name: "Epic" }, summary: "Doomed" });
    const orphan = await create({
      project: { key: "TMP" },
      issuetype: { name: "Story" },
      summary: "Under the doomed epic",
      parent: { key: doomed },
    });
    expect((await call(jira, "DELETE", `/rest/api/3/issue/${doomed}`)).status).toBe(204);
    // What the batch cannot see locally: the search still returns the child for the deleted key while its
    // rendered parent no longer names it (real Jira may instead refuse the deleted key with a 400). So a batch
    // that returns an issue no query claims — or that Jira refuses — is read again query by query.
    const alone = await search(`parent = ${doomed}`);
    expect(alone.keys).toEqual([orphan]);
    const rendered = await search(`key = ${orphan}`);
    expect(at(rendered.body, "issues", 0, "fields", "parent", "key")).not.toBe(doomed);
    const both = await search(
      `parent in (${classicEpic}, ${doomed}) OR "Epic Link" in (${classicEpic}, ${doomed})`,
    );
    expect(both.keys).toContain(orphan);
  });
});
