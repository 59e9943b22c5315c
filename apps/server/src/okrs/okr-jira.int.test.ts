import type { JiraEmulator } from "@goalpost/jira-emulator";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, joinOrg, signUpWithOrg } from "../testing/http-session.ts";
import { engineDeploymentPairs } from "../testing/jira-deployments.ts";
import { FAST_JIRA, type JiraWorld, startJiraWorld } from "../testing/jira-world.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const EPIC = '"Epic Link" = AE-786';

describe.each(engineDeploymentPairs(TEST_ENGINES))(
  "Jira-linked OKRs on %s against Jira %s",
  (engine, _name, dep) => {
    let world: JiraWorld;
    let jira: JiraEmulator;
    let goalpost: Goalpost;
    let admin: HttpSession;
    let orgId: string;
    let bob: HttpSession;
    let outsider: HttpSession;
    let connectionId: string;
    let privateConnectionId: string;
    let outsiderConnectionId: string;
    let periodId: string;
    let objectiveId: string;

    const source = (over: Record<string, unknown> = {}) => ({
      kind: "jira",
      connectionId,
      jql: EPIC,
      metric: "count",
      ...over,
    });
    async function createConnection(session: HttpSession, org: string, sharing: unknown) {
      const created = await session.post(`/api/v1/orgs/${org}/jira/connections`, {
        name: `Jira ${Math.random()}`,
        ...world.connectionBody(),
        sharing,
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().id as string;
    }
    /** Sync jobs waiting for a JQL (the queue's workers are off in tests). */
    async function queuedSyncs(jql: string): Promise<number> {
      const rows = await goalpost.database.db.execute(
        sql`select count(*)::int as n from pgboss.job where name = 'sync-query' and data->>'jql' = ${jql} and state = 'created'`,
      );
      return (rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
    }
    async function newKeyResult(session: HttpSession, body: Record<string, unknown>) {
      const response = await session.post(`/api/v1/objectives/${objectiveId}/key-results`, {
        title: "Ship Email Campaigns",
        measure: { kind: "percent" },
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    }

    beforeAll(async () => {
      world = await startJiraWorld(engine, { deployment: dep, jira: FAST_JIRA, connection: false });
      ({ jira, goalpost } = world);
      ({ session: admin, orgId } = world.admin);
      ({ session: bob } = await joinOrg(goalpost.app, admin, orgId, { name: "Bob", email: "bob@acme.test" }));
      let outsiderOrg: string;
      ({ session: outsider, orgId: outsiderOrg } = await signUpWithOrg(goalpost.app, {
        name: "Eve",
        email: "eve@evil.test",
        orgName: "Evil",
      }));
      connectionId = await createConnection(admin, orgId, { kind: "org" });
      privateConnectionId = await createConnection(admin, orgId, { kind: "private" });
      outsiderConnectionId = await createConnection(outsider, outsiderOrg, { kind: "org" });
      periodId = (await bob.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0].id;
      const objective = await bob.post(`/api/v1/orgs/${orgId}/objectives`, {
        title: "Launch campaigns",
        periodId,
      });
      objectiveId = objective.json().id;
    });
    afterAll(() => world?.close());

    it("links a key result to Jira, requests its sync with the edit, refreshes it and explains the number", async () => {
      const kr = await newKeyResult(bob, { dataSource: source() });
      expect(kr).toMatchObject({
        dataSource: { kind: "jira", connectionId, jql: EPIC, metric: "count" },
        state: { value: null, progress: null, syncedAt: null, stale: null, status: "not_started" },
      });
      expect(await queuedSyncs(EPIC)).toBeGreaterThanOrEqual(1);

      const refreshed = await bob.post(`/api/v1/key-results/${kr.id}/refresh`);
      expect(refreshed.statusCode, refreshed.body).toBe(200);
      expect(refreshed.json().state).toMatchObject({
        value: 3,
        progress: 30,
        issueCount: 10,
        doneCount: 3,
        stale: null,
        syncedAt: expect.any(String),
      });

      const issues = await bob.get(`/api/v1/key-results/${kr.id}/issues`);
      expect(issues.statusCode).toBe(200);
      const items = issues.json().items as {
        key: string;
        url: string;
        done: boolean;
        value: number;
        statusCategoryKey: string;
      }[];
      expect(items).toHaveLength(10);
      expect(items.filter((issue) => issue.done)).toHaveLength(3);
      expect(items.every((issue) => issue.value === 1)).toBe(true);
      expect(items.every((issue) => issue.done === (issue.statusCategoryKey === "done"))).toBe(true);
      expect(items[0]?.url).toBe(`${jira.url}/browse/${items[0]?.key}`);
      expect(issues.json().syncedAt).toEqual(expect.any(String));

      const history = (await bob.get(`/api/v1/key-results/${kr.id}/history`)).json();
      expect(history.items.at(-1)).toMatchObject({ source: "jira", author: null, value: 3, progress: 30 });

      const checkIn = await bob.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 50 });
      expect(checkIn.statusCode).toBe(409);
      expect(checkIn.json().error.code).toBe("conflict");
    });

    it("contributes per metric and measure in the drill-down: a completed-only KPI counts only done issues", async () => {
      const kr = await newKeyResult(bob, {
        measure: { kind: "kpi", start: 0, target: 20, completedOnly: true },
        dataSource: source({ metric: "storyPoints" }),
      });
      await bob.post(`/api/v1/key-results/${kr.id}/refresh`);
      const items = (await bob.get(`/api/v1/key-results/${kr.id}/issues`)).json().items as {
        done: boolean;
        value: number;
      }[];
      expect(items.filter((issue) => !issue.done).every((issue) => issue.value === 0)).toBe(true);
      const doneSum = items.reduce((sum, issue) => sum + issue.value, 0);
      expect((await bob.get(`/api/v1/key-results/${kr.id}`)).json().state.value).toBe(doneSum);
    });

    it("empties the state and requests a new sync when the JQL changes, not when only the title does", async () => {
      const kr = await newKeyResult(bob, { dataSource: source() });
      await bob.post(`/api/v1/key-results/${kr.id}/refresh`);
      const retitled = await bob.patch(`/api/v1/key-results/${kr.id}`, { title: "Renamed" });
      expect(retitled.json().state).toMatchObject({ value: 3, progress: 30 });

      const jql = `${EPIC} AND statusCategory = Done`;
      const before = await queuedSyncs(jql);
      const edited = await bob.patch(`/api/v1/key-results/${kr.id}`, { dataSource: source({ jql }) });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().state).toMatchObject({ value: null, progress: null, syncedAt: null });
      expect(await queuedSyncs(jql)).toBeGreaterThan(before);
      const after = (await bob.post(`/api/v1/key-results/${kr.id}/refresh`)).json();
      expect(after.state).toMatchObject({ value: 3, progress: 100 });

      // Back to manual: the Jira state goes, check-ins are accepted again.
      const manual = await bob.patch(`/api/v1/key-results/${kr.id}`, { dataSource: null });
      expect(manual.json()).toMatchObject({ dataSource: null, state: { value: null, progress: null } });
      expect((await bob.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 40 })).statusCode).toBe(201);
      expect((await bob.post(`/api/v1/key-results/${kr.id}/refresh`)).statusCode).toBe(409);
      expect((await bob.get(`/api/v1/key-results/${kr.id}/issues`)).statusCode).toBe(409);
    });

    it("refuses a data source the caller may not use, of another org, or a metric the measure does not offer", async () => {
      const hidden = await bob.post(`/api/v1/objectives/${objectiveId}/key-results`, {
        title: "K",
        measure: { kind: "percent" },
        dataSource: source({ connectionId: privateConnectionId }),
      });
      expect(hidden.statusCode).toBe(404);
      // The admin may use their private connection.
      const adminObjective = (
        await admin.post(`/api/v1/orgs/${orgId}/objectives`, { title: "Admin's", periodId })
      ).json();
      expect(
        (
          await admin.post(`/api/v1/objectives/${adminObjective.id}/key-results`, {
            title: "K",
            measure: { kind: "percent" },
            dataSource: source({ connectionId: privateConnectionId }),
          })
        ).statusCode,
      ).toBe(201);
      const foreign = await admin.post(`/api/v1/objectives/${adminObjective.id}/key-results`, {
        title: "K",
        measure: { kind: "percent" },
        dataSource: source({ connectionId: outsiderConnectionId }),
      });
      expect(foreign.statusCode).toBe(404);

      const notOffered = await bob.post(`/api/v1/objectives/${objectiveId}/key-results`, {
        title: "K",
        measure: { kind: "percent" },
        dataSource: source({ metric: "remainingEstimate" }),
      });
      expect(notOffered.statusCode).toBe(400);
      expect(notOffered.json().error).toMatchObject({
        code: "metric_not_offered",
        details: { fields: { "dataSource.metric": expect.any(String) } },
      });
    });

    it("gives an objective its own data source: measured from Jira instead of rolled up", async () => {
      const created = await bob.post(`/api/v1/orgs/${orgId}/objectives`, {
        title: "Ship feature Email Campaigns",
        periodId,
        dataSource: source(),
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ measure: { kind: "percent" }, dataSource: { jql: EPIC } });
      const refreshed = await bob.post(`/api/v1/objectives/${created.json().id}/refresh`);
      expect(refreshed.statusCode, refreshed.body).toBe(200);
      expect(refreshed.json().state).toMatchObject({ value: 3, progress: 30 });
      const history = (await bob.get(`/api/v1/objectives/${created.json().id}/history`)).json();
      expect(history.items.at(-1)).toMatchObject({ source: "jira", value: 3 });
      const issues = (await bob.get(`/api/v1/objectives/${created.json().id}/issues`)).json();
      expect(issues.items).toHaveLength(10);
      expect(issues.items.filter((issue: { done: boolean }) => issue.done)).toHaveLength(3);
      expect((await outsider.get(`/api/v1/objectives/${created.json().id}/issues`)).statusCode).toBe(404);
      // Without its data source it rolls up again (no key results: no progress).
      const unlinked = await bob.patch(`/api/v1/objectives/${created.json().id}`, { dataSource: null });
      expect(unlinked.json()).toMatchObject({ measure: null, dataSource: null, state: { progress: null } });
      const rolledUp = (await bob.get(`/api/v1/objectives/${objectiveId}`)).json();
      expect((await bob.post(`/api/v1/objectives/${objectiveId}/refresh`)).statusCode).toBe(409);
      expect((await bob.get(`/api/v1/objectives/${objectiveId}/issues`)).statusCode).toBe(409);
      expect(rolledUp.measure).toBeNull();
    });

    it("shows Jira-linked items stale with their last values while the org's Jira integration is off", async () => {
      const kr = await newKeyResult(bob, { dataSource: source() });
      await bob.post(`/api/v1/key-results/${kr.id}/refresh`);
      expect(
        (await admin.put(`/api/v1/orgs/${orgId}/integrations/jira`, { enabled: false })).statusCode,
      ).toBe(200);
      try {
        const read = (await bob.get(`/api/v1/key-results/${kr.id}`)).json();
        expect(read.state).toMatchObject({
          value: 3,
          progress: 30,
          stale: { code: "jira_integration_disabled" },
        });
        const refresh = await bob.post(`/api/v1/key-results/${kr.id}/refresh`);
        expect(refresh.statusCode).toBe(409);
        expect(refresh.json().error.code).toBe("jira_integration_disabled");
        const create = await bob.post(`/api/v1/objectives/${objectiveId}/key-results`, {
          title: "K",
          measure: { kind: "percent" },
          dataSource: source(),
        });
        expect(create.statusCode).toBe(409);
        // Renaming still works; re-pointing the data source does not.
        const renamed = await bob.patch(`/api/v1/key-results/${kr.id}`, { title: "Renamed while off" });
        expect(renamed.statusCode, renamed.body).toBe(200);
        expect(renamed.json().state).toMatchObject({
          value: 3,
          stale: { code: "jira_integration_disabled" },
        });
        expect(
          (await bob.patch(`/api/v1/key-results/${kr.id}`, { dataSource: source({ jql: "project = AE" }) }))
            .statusCode,
        ).toBe(409);
        const csv = await bob.get(`/api/v1/orgs/${orgId}/periods/${periodId}/export.csv`);
        expect(csv.body).toContain("The Jira integration is switched off");
      } finally {
        await admin.put(`/api/v1/orgs/${orgId}/integrations/jira`, { enabled: true });
      }
      expect((await bob.get(`/api/v1/key-results/${kr.id}`)).json().state.stale).toBeNull();
    });

    it("keeps the last value of an item whose connection is deleted and says so", async () => {
      const doomed = await createConnection(admin, orgId, { kind: "org" });
      const kr = await newKeyResult(bob, { dataSource: source({ connectionId: doomed }) });
      await bob.post(`/api/v1/key-results/${kr.id}/refresh`);
      expect((await admin.delete(`/api/v1/jira/connections/${doomed}`)).statusCode).toBe(204);
      const read = (await bob.get(`/api/v1/key-results/${kr.id}`)).json();
      expect(read.state).toMatchObject({
        value: 3,
        progress: 30,
        stale: { code: "jira_connection_deleted" },
      });
      const moved = await bob.patch(`/api/v1/key-results/${kr.id}`, { dataSource: source() });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().state.stale?.code ?? null).not.toBe("jira_connection_deleted");
    });
  },
);
