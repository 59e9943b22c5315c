import { createJiraClient, type JiraClient } from "@goalpost/jira";
import type { JiraEmulator } from "@goalpost/jira-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type JiraWorld, startJiraWorld, TEST_JIRA_USER } from "../testing/jira-world.ts";
import { jiraEditor } from "../testing/jira-writes.ts";
import { insertKeyResult, insertObjective, readKeyResult } from "../testing/okr-rows.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import { listQueryMembers } from "./jira-query.repo.ts";
import { syncConnection } from "./sync-connection.ts";

const SEARCH = "/rest/api/3/search/jql";

/**
 * Epic-shaped queries are read in one batch and their members assigned by Goalpost: on a generated site with
 * company- and team-managed projects, every query's members must equal what Jira returns for it alone, at one
 * search for all of them; a batch Jira answers with an issue no query claims (a deleted epic) falls back to
 * reading each query on its own.
 */
describe.each(TEST_ENGINES)("batched epic reads on %s", (engine) => {
  let world: JiraWorld;
  let jira: JiraEmulator;
  let goalpost: Goalpost;
  let client: JiraClient;
  let orgId: string;
  let connectionId: string;
  let objectiveId: string;
  let jqls: string[];
  let storyKey = "";
  const ids: string[] = [];

  const sync = () => syncConnection(goalpost.jobContext, { connectionId });
  const searches = () => jira.admin.requestLog().filter((entry) => entry.path === SEARCH);
  const expectMembersAsJira = async (only: (jql: string) => boolean = () => true) => {
    const stored = await listQueryMembers(goalpost.database.db, connectionId);
    for (const jql of jqls.filter(only)) {
      const alone = await client.searchIds(jql);
      expect([...(stored.get(jql)?.issueIds ?? [])].sort(), jql).toEqual([...alone].sort());
    }
  };

  beforeAll(async () => {
    world = await startJiraWorld(engine, {
      emulator: { dataset: { name: "generated", seed: 11, issues: 1500, projects: 4 } },
    });
    ({ jira, goalpost, connectionId } = world);
    orgId = world.admin.orgId;
    client = createJiraClient(
      world.deployment.clientOptions(jira, TEST_JIRA_USER.email, TEST_JIRA_USER.token),
    );
    objectiveId = await insertObjective(goalpost.database.db, { orgId });
    // Epics of every project (both styles), each asked as parent = E and "Epic Link" = E; a group of three;
    // a story's sub-tasks; and one query that is not epic-shaped.
    const epics = (await client.searchIssues("issuetype = Epic ORDER BY key ASC", ["project"])).map(
      (issue) => issue.key ?? "",
    );
    const byProject = new Map<string, string[]>();
    for (const key of epics) {
      const project = key.split("-")[0] ?? "";
      byProject.set(project, [...(byProject.get(project) ?? []), key]);
    }
    expect(byProject.size).toBe(4);
    const picked = [...byProject.values()].flatMap((keys) => keys.slice(0, 3));
    const [withSubtasks] = await client.searchIssues("issuetype in subTaskIssueTypes()", ["parent"], {
      limit: 1,
    });
    const story = (withSubtasks?.fields.parent as { key?: string } | undefined)?.key;
    if (!story) throw new Error("the site has no sub-tasks");
    storyKey = story;
    jqls = [
      ...picked.map((key) => `parent = ${key}`),
      ...picked.map((key) => `"Epic Link" = ${key}`),
      `parent in (${picked.slice(0, 3).join(", ")})`,
      `parent = ${story}`,
      `"Epic Link" = ${story}`,
      `project = ${[...byProject.keys()][0]} AND issuetype = Bug`,
    ];
    for (const jql of jqls) {
      ids.push(
        await insertKeyResult(goalpost.database.db, {
          orgId,
          objectiveId,
          jira: { connectionId, jql, metric: "count" },
        }),
      );
    }
  });
  afterAll(() => world?.close());

  it("first sync: every epic query's members equal Jira's, read in one batch search", async () => {
    jira.admin.clearRequestLog();
    const run = await sync();
    expect(run).toMatchObject({ outcome: "synced", queryFailures: 0, itemsSynced: jqls.length });
    // One batch for the epic queries + one search for the other query.
    expect(searches()).toHaveLength(2);
    await expectMembersAsJira();
    for (const id of ids) expect((await readKeyResult(goalpost.database.db, id)).value).not.toBeNull();
  });

  it("re-sync: still one batch search; a child moved between epics moves between their queries", async () => {
    const [from, to] = jqls.filter((jql) => jql.startsWith("parent = ")).map((jql) => jql.slice(9));
    const [child] = await client.searchIssues(`parent = ${from}`, ["summary"], { limit: 1 });
    if (!child?.key || !to) throw new Error("no child to move");
    await jiraEditor(jira, TEST_JIRA_USER).editIssue(child.key, { parent: { key: to } });
    jira.admin.clearRequestLog();
    expect((await sync()).outcome).toBe("synced");
    expect(searches()).toHaveLength(2);
    await expectMembersAsJira();
    const stored = await listQueryMembers(goalpost.database.db, connectionId);
    expect(stored.get(`parent = ${to}`)?.issueIds).toContain(child.id);
    expect(stored.get(`parent = ${from}`)?.issueIds).not.toContain(child.id);
  });

  it("an issue the batch returns but no query claims (a deleted epic) makes its queries read one by one", async () => {
    // A team-managed epic: its children hang under it by parent only.
    const stored = await listQueryMembers(goalpost.database.db, connectionId);
    let doomed = "";
    for (const jql of jqls.filter((q) => q.startsWith("parent = ") && q !== `parent = ${storyKey}`)) {
      const epic = jql.slice(9);
      const children = await client.searchIssues(`parent = ${epic}`, ["customfield_10014", "issuetype"]);
      const underEpic = (stored.get(jql)?.issueIds.length ?? 0) > 0;
      if (underEpic && children.every((child) => !child.fields.customfield_10014)) doomed = epic;
    }
    expect(doomed).not.toBe("");
    await jiraEditor(jira, TEST_JIRA_USER).deleteIssue(doomed);
    jira.admin.clearRequestLog();
    expect((await sync()).outcome).toBe("synced");
    expect(searches().length).toBeGreaterThan(2);
    await expectMembersAsJira((jql) => !jql.includes(doomed));
  });
});
