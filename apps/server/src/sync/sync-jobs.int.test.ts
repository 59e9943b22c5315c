import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createJiraEmulator, type JiraEmulator } from "@goalpost/jira-emulator";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/load-config.ts";
import { type Goalpost, startGoalpost } from "../start-goalpost.ts";
import { signUpWithOrg } from "../testing/http-session.ts";
import { engineDeploymentPairs, TEST_DEPLOYMENTS, type TestDeployment } from "../testing/jira-deployments.ts";
import { type JiraAndGoalpost, startJiraAndGoalpost, TEST_JIRA_USER } from "../testing/jira-world.ts";
import { insertKeyResult, insertObjective, readCheckIns, readKeyResult } from "../testing/okr-rows.ts";
import { createScratchDatabase, TEST_ENGINES } from "../testing/test-database.ts";
import { requestItemSync } from "./request-item-sync.ts";
import { scheduleSyncsJob } from "./schedule-syncs.job.ts";
import { syncConnectionJob } from "./sync-connection.job.ts";

const { email: EMAIL, token: TOKEN } = TEST_JIRA_USER;
const EPIC = '"Epic Link" = AE-786';
const POLL = { timeout: 30_000, interval: 200 };

/** Signs up an org with a connection to `jira` and an objective; returns what tests need. */
async function orgWithConnection(
  goalpost: Goalpost,
  jira: JiraEmulator,
  name: string,
  dep: TestDeployment = TEST_DEPLOYMENTS[0] as TestDeployment,
) {
  const { session, orgId } = await signUpWithOrg(goalpost.app, {
    name,
    email: `${name.toLowerCase()}-${randomBytes(3).toString("hex")}@acme.test`,
    orgName: name,
  });
  const created = await session.post(`/api/v1/orgs/${orgId}/jira/connections`, {
    name: `${name} Jira`,
    ...dep.connectionBody(jira, EMAIL, TOKEN),
    sharing: { kind: "org" },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const objectiveId = await insertObjective(goalpost.database.db, { orgId });
  return { orgId, connectionId: created.json().id as string, objectiveId };
}

describe.each(engineDeploymentPairs(TEST_ENGINES))(
  "sync jobs on %s against Jira %s",
  (engine, _name, dep) => {
    let world: JiraAndGoalpost;
    let jira: JiraEmulator;
    let goalpost: Goalpost;

    beforeAll(async () => {
      world = await startJiraAndGoalpost(engine, { deployment: dep, env: { WORKERS: "inline" } });
      ({ jira, goalpost } = world);
    });
    afterAll(() => world?.close());

    it("the scheduler enqueues due connections and the workers sync them; then nothing is due", async () => {
      const { orgId, connectionId, objectiveId } = await orgWithConnection(goalpost, jira, "Sched", dep);
      const id = await insertKeyResult(goalpost.database.db, {
        orgId,
        objectiveId,
        jira: { connectionId, jql: EPIC, metric: "count" },
      });
      await scheduleSyncsJob.handler({}, goalpost.jobContext, { id: "test", retryCount: 0 });
      await expect.poll(async () => (await readKeyResult(goalpost.database.db, id)).progress, POLL).toBe(30);
      const { listDueConnections } = await import("./sync-state.repo.ts");
      expect(await listDueConnections(goalpost.database.db, new Date())).not.toContain(connectionId);
      const inAnHour = new Date(Date.now() + 60 * 60_000);
      expect(await listDueConnections(goalpost.database.db, inAnHour)).toContain(connectionId);
    });

    it("an edit's sync request runs at once, and identical requests coalesce into one job", async () => {
      const { orgId, connectionId, objectiveId } = await orgWithConnection(goalpost, jira, "Edit", dep);
      const id = await insertKeyResult(goalpost.database.db, {
        orgId,
        objectiveId,
        jira: { connectionId, jql: EPIC, metric: "storyPoints" },
      });
      jira.admin.setFaults({ latencyMs: 300 });
      try {
        const first = await goalpost.queue.enqueue(syncConnectionJob, { connectionId });
        const second = await goalpost.queue.enqueue(syncConnectionJob, { connectionId });
        expect(first).not.toBeNull();
        // Stately: one waiting job per connection, so the second request joins the first (or waits behind it).
        const third = await goalpost.queue.enqueue(syncConnectionJob, { connectionId });
        expect([second, third].filter((jobId) => jobId === null).length).toBeGreaterThanOrEqual(1);
      } finally {
        jira.admin.clearFaults();
      }
      await requestItemSync(goalpost.queue, { connectionId, jql: EPIC });
      await expect.poll(async () => (await readKeyResult(goalpost.database.db, id)).progress, POLL).toBe(25);
      expect(await readCheckIns(goalpost.database.db, id)).toHaveLength(1);
    });
  },
);

const postgres = TEST_ENGINES.includes("postgres");

describe.runIf(postgres)("several worker processes on one PostgreSQL", () => {
  let jira: JiraEmulator;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const env = () => ({
    NODE_ENV: "test",
    DATABASE_URL: scratch.url,
    SECRETS_KEY: secretsKey,
    JIRA_ALLOW_HOSTS: new URL(jira.url).host,
    PUBLIC_URL: "http://goalpost.test",
    LOG_LEVEL: "warn",
  });
  const secretsKey = randomBytes(32).toString("base64");
  const running: Goalpost[] = [];
  const children: ChildProcess[] = [];
  const start = async (workers: "inline" | "off") => {
    const goalpost = await startGoalpost(loadConfig({ ...env(), WORKERS: workers }), {
      logger: pino({ level: "silent" }),
    });
    running.push(goalpost);
    return goalpost;
  };

  beforeAll(async () => {
    jira = await createJiraEmulator({
      dataset: { name: "demo" },
      users: [{ email: EMAIL, token: TOKEN }],
      listen: true,
    });
    scratch = await createScratchDatabase();
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    for (const goalpost of running) await goalpost.close();
    await scratch?.drop();
    await jira?.close();
  });

  it("two workers drain syncs of many connections: each synced once, none lost", async () => {
    const api = await start("off");
    const [a, b] = [await start("inline"), await start("inline")];
    const connections = [];
    for (let i = 0; i < 8; i++) {
      const org = await orgWithConnection(api, jira, `Org${i}`);
      const id = await insertKeyResult(api.database.db, {
        orgId: org.orgId,
        objectiveId: org.objectiveId,
        jira: { connectionId: org.connectionId, jql: EPIC, metric: "count" },
      });
      connections.push({ ...org, keyResultId: id });
    }
    jira.admin.setFaults({ latencyMs: 100 });
    jira.admin.clearRequestLog();
    for (const { connectionId } of connections) {
      await api.queue.enqueue(syncConnectionJob, { connectionId });
      await api.queue.enqueue(syncConnectionJob, { connectionId });
    }
    for (const { keyResultId } of connections) {
      await expect
        .poll(async () => (await readKeyResult(api.database.db, keyResultId)).progress, POLL)
        .toBe(30);
    }
    // Let any second (queued) job per connection finish too.
    await expect
      .poll(async () => {
        const rows = await api.database.db.execute(
          sql`select count(*)::int as n from pgboss.job where name = 'sync-connection' and state in ('created', 'retry', 'active')`,
        );
        return ((rows as unknown as { rows: { n: number }[] }).rows[0] as { n: number }).n;
      }, POLL)
      .toBe(0);
    jira.admin.clearFaults();
    // Each connection: one field discovery and one search on its first sync, at most one cheap re-sync.
    const log = jira.admin.requestLog();
    const searches = log.filter((entry) => entry.path.endsWith("/search/jql"));
    expect(log.filter((entry) => entry.path.endsWith("/field"))).toHaveLength(8);
    expect(searches.length).toBeGreaterThanOrEqual(8);
    expect(searches.length).toBeLessThanOrEqual(16);
    for (const { keyResultId } of connections) {
      expect(await readCheckIns(api.database.db, keyResultId)).toHaveLength(1);
    }
    const used = await a.database.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'sync-connection' and state = 'completed'`,
    );
    expect((used as unknown as { rows: { n: number }[] }).rows[0]?.n).toBeGreaterThanOrEqual(8);
    await b.close();
    running.splice(running.indexOf(b), 1);
  }, 90_000);

  it("a worker killed mid-sync loses nothing: its job is retried and completes elsewhere", async () => {
    const api = running[0] as Goalpost;
    const org = await orgWithConnection(api, jira, "Killed");
    const keyResultId = await insertKeyResult(api.database.db, {
      orgId: org.orgId,
      objectiveId: org.objectiveId,
      jira: { connectionId: org.connectionId, jql: EPIC, metric: "count" },
    });
    for (const goalpost of running.slice(1)) await goalpost.close();
    running.splice(1);
    jira.admin.setFaults({ latencyMs: 4000 });
    jira.admin.clearRequestLog();
    const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
    const worker = spawn(process.execPath, ["src/worker.ts"], {
      cwd: serverRoot,
      env: { ...process.env, ...env() },
      stdio: "ignore",
    });
    children.push(worker);
    await api.queue.enqueue(syncConnectionJob, { connectionId: org.connectionId });
    // The worker is in the middle of the sync once Jira has seen its first request.
    await expect
      .poll(() => jira.admin.requestLog().length, { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(0);
    worker.kill("SIGKILL");
    jira.admin.clearFaults();
    expect((await readKeyResult(api.database.db, keyResultId)).syncedAt).toBeNull();
    await start("inline");
    await expect
      .poll(async () => (await readKeyResult(api.database.db, keyResultId)).progress, {
        timeout: 75_000,
        interval: 500,
      })
      .toBe(30);
    expect(await readCheckIns(api.database.db, keyResultId)).toHaveLength(1);
  }, 120_000);
});
