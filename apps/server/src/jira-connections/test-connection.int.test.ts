import type { JiraEmulator } from "@goalpost/jira-emulator";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { syncConnection } from "../sync/sync-connection.ts";
import type { HttpSession } from "../testing/http-session.ts";
import { FAST_JIRA, type JiraWorld, startJiraWorld, TEST_JIRA_USER } from "../testing/jira-world.ts";
import { insertKeyResult, insertObjective } from "../testing/okr-rows.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

describe.each(TEST_ENGINES)("Test heals a broken connection on %s", (engine) => {
  let world: JiraWorld;
  let jira: JiraEmulator;
  let goalpost: Goalpost;
  let admin: HttpSession;
  let orgId: string;
  let connectionId: string;

  /** Connection syncs waiting in the queue (its workers are off in tests). */
  async function queuedConnectionSyncs(): Promise<number> {
    const rows = await goalpost.database.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'sync-connection' and data->>'connectionId' = ${connectionId} and state = 'created'`,
    );
    return (rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  }

  beforeAll(async () => {
    world = await startJiraWorld(engine, { jira: FAST_JIRA });
    ({ jira, goalpost, connectionId } = world);
    ({ session: admin, orgId } = world.admin);
    const objectiveId = await insertObjective(goalpost.database.db, { orgId });
    await insertKeyResult(goalpost.database.db, {
      orgId,
      objectiveId,
      measure: { kind: "percent" },
      jira: { connectionId, jql: '"Epic Link" = AE-786', metric: "count" },
    });
  });
  afterAll(() => world?.close());

  it("a token revoked then restored in Jira: Test clears 'Needs attention' and queues a sync at once", async () => {
    const sync = () => syncConnection(goalpost.jobContext, { connectionId });
    expect((await sync()).outcome).toBe("synced");
    jira.admin.setFaults({ revokedUsers: [TEST_JIRA_USER.email] });
    expect((await sync()).outcome).toBe("broken");
    const failedTest = await admin.post(`/api/v1/jira/connections/${connectionId}/test`);
    expect(failedTest.statusCode).toBe(422);
    expect((await admin.get(`/api/v1/jira/connections/${connectionId}`)).json().sync.broken).toBe(true);

    jira.admin.clearFaults(); // The token works again in Jira; nobody pastes it anew.
    const before = await queuedConnectionSyncs();
    const tested = await admin.post(`/api/v1/jira/connections/${connectionId}/test`);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json()).toMatchObject({ ok: true });
    expect((await admin.get(`/api/v1/jira/connections/${connectionId}`)).json().sync.broken).toBe(false);
    expect(await queuedConnectionSyncs()).toBe(before + 1);
    // And the sync is no longer refused.
    expect((await sync()).outcome).toBe("synced");
    expect((await admin.get(`/api/v1/jira/connections/${connectionId}`)).json().sync).toMatchObject({
      broken: false,
      error: null,
    });
  });
});
