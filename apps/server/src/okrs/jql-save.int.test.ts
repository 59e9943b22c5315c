import type { JiraEmulator } from "@goalpost/jira-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpSession } from "../testing/http-session.ts";
import { FAST_JIRA, type JiraWorld, startJiraWorld } from "../testing/jira-world.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const EPIC = '"Epic Link" = AE-786';
const TYPO = "parent = AE-1 AND";

describe.each(TEST_ENGINES)("JQL checked at save, last good value kept, on %s", (engine) => {
  let world: JiraWorld;
  let jira: JiraEmulator;
  let admin: HttpSession;
  let orgId: string;
  let connectionId: string;
  let periodId: string;
  let objectiveId: string;
  const source = (jql: string) => ({ kind: "jira", connectionId, jql, metric: "count" });

  /** A key result on `jql`, synced once: 3 of the epic's 10 stories done. */
  async function syncedKeyResult(jql = EPIC) {
    const created = await admin.post(`/api/v1/objectives/${objectiveId}/key-results`, {
      title: "Stories done",
      measure: { kind: "percent" },
      dataSource: source(jql),
    });
    expect(created.statusCode, created.body).toBe(201);
    const refreshed = await admin.post(`/api/v1/key-results/${created.json().id}/refresh`);
    expect(refreshed.json().state).toMatchObject({ value: 3, progress: 30, stale: null });
    return created.json() as { id: string };
  }

  beforeAll(async () => {
    world = await startJiraWorld(engine, { jira: FAST_JIRA });
    ({ jira, connectionId } = world);
    ({ session: admin, orgId } = world.admin);
    periodId = (await admin.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0].id;
    objectiveId = (await admin.post(`/api/v1/orgs/${orgId}/objectives`, { title: "Launch", periodId })).json()
      .id;
  });
  afterAll(() => world?.close());

  it("refuses a JQL typo on PATCH with Jira's own message (422, as the editor's check) and keeps the value", async () => {
    const kr = await syncedKeyResult();
    const check = await admin.post(`/api/v1/jira/connections/${connectionId}/jql/check`, { jql: TYPO });
    const jiraSays = check.json().errors as string[];
    expect(jiraSays.length).toBeGreaterThan(0);

    const patched = await admin.patch(`/api/v1/key-results/${kr.id}`, { dataSource: source(TYPO) });
    expect(patched.statusCode, patched.body).toBe(422);
    expect(patched.json().error).toMatchObject({
      code: "jira_rejected",
      details: { jira: jiraSays, fields: { "dataSource.jql": jiraSays.join(" ") } },
    });
    expect(patched.json().error.message).toContain(jiraSays[0]);
    const after = (await admin.get(`/api/v1/key-results/${kr.id}`)).json();
    expect(after.dataSource.jql).toBe(EPIC);
    expect(after.state).toMatchObject({ value: 3, progress: 30 });
  });

  it("refuses it on every edit path: new key result, objective data source (new and edited)", async () => {
    const paths: [string, string, unknown][] = [
      [
        "POST",
        `/api/v1/objectives/${objectiveId}/key-results`,
        { title: "K", measure: { kind: "percent" }, dataSource: source(TYPO) },
      ],
      ["POST", `/api/v1/orgs/${orgId}/objectives`, { title: "O", periodId, dataSource: source(TYPO) }],
      ["PATCH", `/api/v1/objectives/${objectiveId}`, { dataSource: source(TYPO) }],
    ];
    for (const [method, url, body] of paths) {
      const response = method === "POST" ? await admin.post(url, body) : await admin.patch(url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(422);
      expect(response.json().error.details.fields).toHaveProperty(["dataSource.jql"]);
    }
    // A valid change still saves; an edit that keeps the JQL is not re-checked (a title change while Jira is down).
    const kr = await syncedKeyResult();
    jira.admin.setFaults({ error500Rate: 1 });
    try {
      const renamed = await admin.patch(`/api/v1/key-results/${kr.id}`, {
        title: "Renamed",
        dataSource: source(EPIC),
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json().state).toMatchObject({ value: 3, progress: 30 });
    } finally {
      jira.admin.clearFaults();
    }
  });

  it("marks an item stale and keeps its value when its JQL becomes invalid later (a field renamed in Jira)", async () => {
    const jql = `${EPIC} AND ("Story point estimate" is EMPTY OR "Story point estimate" is not EMPTY)`;
    const kr = await syncedKeyResult(jql);
    const field = jira.admin.store.fields.find((candidate) => candidate.name === "Story point estimate");
    expect(field).toBeDefined();
    if (!field) return;
    const renamed = "Story points (renamed)";
    Object.assign(field, { name: renamed, clauseNames: [renamed] });
    const refreshed = await admin.post(`/api/v1/key-results/${kr.id}/refresh`);
    expect(refreshed.json().state).toMatchObject({
      value: 3,
      progress: 30,
      stale: { code: "jira_invalid_jql", message: expect.stringContaining("Story point estimate") },
    });
  });
});
