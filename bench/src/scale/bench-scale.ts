/**
 * `npm run bench:scale` — syncs drained by 1, 2, then 4 worker processes on PostgreSQL (issue 7, benchmark 4).
 *
 * For each worker count: a scratch PostgreSQL database with one org and 100 Jira connections (each its own
 * Jira account on one emulator site in its own process, 150 ms latency), 5 key results per connection
 * (4 epics and a project's bugs). N × `node apps/server/src/worker.ts` (DATABASE_URL, SECRETS_KEY,
 * JIRA_ALLOW_HOSTS) are started; once all are up, one sync job per connection is enqueued, and the clock
 * runs until every connection has synced. The workers' own once-a-minute scheduler stays on (as deployed).
 * - throughput: connections synced per second, from enqueue to the last sync's end;
 * - duplicate syncs: Jira reads beyond one sync per connection (each of a connection's queries is new, so
 *   one sync reads each exactly once: searches per account − distinct JQLs), and completed sync jobs beyond
 *   one per connection in `pgboss.job`;
 * - lost jobs: connections never synced, and sync jobs failed or still waiting after the drain.
 *
 * - kill -9 (issue 12): once the drain is under way (Jira has seen requests), one worker is killed with
 *   SIGKILL mid-sync and a fresh one started in its place; its jobs are retried once their heartbeat stops.
 *   Then 0 lost and 0 duplicate check-ins: every Jira key result has exactly one check-in by Jira (each
 *   starts with no value and Jira does not change during the drain). The killed syncs' Jira reads are re-done
 *   by the retry: reported, not counted as duplicates.
 *
 * Options: `--workers 1,2,4`, `--connections 100`, `--latency 150`, `--timeout 600` (seconds per drain),
 * `--kill 1` (0: no kill), `--issues 20000` (the site's size; smaller for a smoke run).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { startEmulatorProcess } from "../support/emulator-process.ts";
import { startBenchGoalpost } from "../support/goalpost.ts";
import { report, table, verdict } from "../support/report.ts";
import { insertKeyResult, insertObjective, load, schema } from "../support/server-internals.ts";
import { fmt, fmtRatio, median } from "../support/stats.ts";

const { syncConnectionJob } = await load<
  typeof import("../../../apps/server/src/sync/sync-connection.job.js")
>("sync/sync-connection.job.ts");

const { values: args } = parseArgs({
  options: {
    workers: { type: "string", default: "1,2,4" },
    connections: { type: "string", default: "100" },
    latency: { type: "string", default: "150" },
    timeout: { type: "string", default: "600" },
    kill: { type: "string", default: "1" },
    issues: { type: "string", default: "20000" },
  },
});
const KILL = args.kill !== "0";
const WORKER_COUNTS = (args.workers ?? "1,2,4").split(",").map(Number);
const CONNECTIONS = Number(args.connections);
const WORKER_SCRIPT = path.resolve(import.meta.dirname, "../../../apps/server/src/worker.ts");

const users = Array.from({ length: CONNECTIONS }, (_, i) => ({
  email: `conn${String(i + 1).padStart(3, "0")}@bench.test`,
  token: `token-${i + 1}`,
}));
const emulator = await startEmulatorProcess({
  dataset: { name: "generated", seed: 99, issues: Number(args.issues), projects: 10 },
  users,
});

interface Drain {
  workers: number;
  seconds: number;
  synced: number;
  duplicateReads: number;
  duplicateJobs: number;
  lostConnections: number;
  lostJobs: number;
  requests: number;
  /** Whether a worker was killed with SIGKILL mid-drain. */
  killed: boolean;
  /** Jira key results with more than one check-in by Jira, and with a value but none. */
  duplicateCheckIns: number;
  lostCheckIns: number;
  /** Median time one sync took (its start to its end, as the engine recorded them). */
  medianSyncSeconds: number;
  /** Syncs in flight per worker on average (sync-seconds ÷ worker-seconds): below its job concurrency, the rest is waiting for the queue. */
  busyShare: number;
}

async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER_SCRIPT], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      if (buffered.includes("worker running")) resolve();
      if (buffered.length > 100_000) buffered = buffered.slice(-1000);
    });
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return child;
}

async function drain(workerCount: number): Promise<Drain> {
  const site = await emulator.issues();
  const epics = site.filter(
    (issue) => issue.type === "Epic" && site.some((child) => child.parent === issue.key),
  );
  const projects = [...new Set(site.map((issue) => issue.project))].sort();
  const secretsKey = randomBytes(32).toString("base64");
  const { goalpost, session, orgId } = await startBenchGoalpost({
    engine: "postgres",
    env: { SECRETS_KEY: secretsKey, JIRA_ALLOW_HOSTS: new URL(emulator.url).host },
  });
  const workers: ChildProcess[] = [];
  try {
    const db = goalpost.database.db;
    const objectiveId = await insertObjective(db, { orgId });
    const connections: { id: string; accountId: string; jqls: Set<string> }[] = [];
    await emulator.setFaults({ latencyMs: 0 });
    for (const [i, user] of users.entries()) {
      const created = await session.post(`/api/v1/orgs/${orgId}/jira/connections`, {
        name: `Jira ${i + 1}`,
        baseUrl: emulator.url,
        email: user.email,
        apiToken: user.token,
        sharing: { kind: "org" },
      });
      if (created.statusCode !== 201) throw new Error(`connection: ${created.statusCode} ${created.body}`);
      const body = created.json() as { id: string; account: { accountId: string } };
      const jqls = [
        ...[0, 1, 2, 3].map((k) => `parent = ${epics[(i * 4 + k) % epics.length]?.key}`),
        `project = ${projects[i % projects.length]} AND issuetype = Bug`,
      ];
      for (const [k, jql] of jqls.entries()) {
        await insertKeyResult(db, {
          orgId,
          objectiveId,
          jira: { connectionId: body.id, jql, metric: k % 2 === 0 ? "count" : "storyPoints" },
        });
      }
      connections.push({ id: body.id, accountId: body.account.accountId, jqls: new Set(jqls) });
    }
    const databaseUrl = (goalpost.config.database as { url: string }).url;
    const env = {
      DATABASE_URL: databaseUrl,
      SECRETS_KEY: secretsKey,
      JIRA_ALLOW_HOSTS: new URL(emulator.url).host,
      LOG_LEVEL: "info",
      NODE_ENV: "production",
    };
    for (let w = 0; w < workerCount; w++) workers.push(await startWorker(env));
    await emulator.setFaults({ latencyMs: Number(args.latency) });
    await emulator.stats({ reset: true });

    const started = Date.now();
    for (const connection of connections)
      await goalpost.queue.enqueue(syncConnectionJob, { connectionId: connection.id });
    let killed = false;
    if (KILL) {
      // Mid-sync: Jira has seen requests, and not every connection is synced yet.
      while (Date.now() - started < Number(args.timeout) * 1000) {
        const seen = Object.values((await emulator.stats()).accounts).reduce((n, a) => n + a.requests, 0);
        if (seen > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const victim = workers[0];
      if (victim) {
        const exited = new Promise((resolve) => victim.once("exit", resolve));
        victim.kill("SIGKILL");
        await exited;
        workers[0] = await startWorker(env);
        killed = true;
        process.stderr.write(`${workerCount} worker(s): killed one with SIGKILL mid-sync, started another\n`);
      }
    }
    const syncedCount = async () => {
      const rows = await db.select({ at: schema.jiraSyncStates.lastSuccessAt }).from(schema.jiraSyncStates);
      return rows.filter((row) => row.at !== null).length;
    };
    let synced = 0;
    while (synced < connections.length && Date.now() - started < Number(args.timeout) * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      synced = await syncedCount();
    }
    const states = await db
      .select({ start: schema.jiraSyncStates.lastAttemptAt, end: schema.jiraSyncStates.lastSuccessAt })
      .from(schema.jiraSyncStates);
    const endedAt = Math.max(...states.map((row) => row.end?.getTime() ?? 0));
    const durations = states
      .filter((row) => row.start && row.end)
      .map((row) => ((row.end as Date).getTime() - (row.start as Date).getTime()) / 1000);
    // Let any queued duplicate run before counting (the queue polls every 2 s).
    await new Promise((resolve) => setTimeout(resolve, 5000));

    const stats = (await emulator.stats({ reset: true })).accounts;
    let duplicateReads = 0;
    let requests = 0;
    for (const connection of connections) {
      const account = stats[connection.accountId];
      requests += account?.requests ?? 0;
      const searches = account?.byEndpoint["POST /rest/api/3/search/jql"] ?? 0;
      duplicateReads += Math.max(0, searches - connection.jqls.size);
    }
    const jobRows = await db.execute(
      sql`select state, count(*)::int as n, count(distinct data->>'connectionId')::int as connections
          from pgboss.job where name = 'sync-connection' group by state`,
    );
    const jobs = (jobRows as unknown as { rows: { state: string; n: number; connections: number }[] }).rows;
    const completed = jobs.find((row) => row.state === "completed");
    const duplicateJobs = (completed?.n ?? 0) - (completed?.connections ?? 0);
    const checkInRows = await db.execute(
      sql`select kr.id, kr.value, count(ci.id)::int as n from key_results kr
          left join check_ins ci on ci.key_result_id = kr.id and ci.source = 'jira'
          where kr.connection_id is not null group by kr.id, kr.value`,
    );
    const perKeyResult = (checkInRows as unknown as { rows: { value: number | null; n: number }[] }).rows;
    const duplicateCheckIns = perKeyResult.filter((row) => row.n > 1).length;
    const lostCheckIns = perKeyResult.filter((row) => row.value !== null && row.n === 0).length;
    const lostJobs = jobs.filter((row) => row.state !== "completed").reduce((sum, row) => sum + row.n, 0);
    const result: Drain = {
      workers: workerCount,
      seconds: (endedAt - started) / 1000,
      synced: await syncedCount(),
      duplicateReads,
      duplicateJobs,
      lostConnections: connections.length - (await syncedCount()),
      lostJobs,
      requests,
      killed,
      duplicateCheckIns,
      lostCheckIns,
      medianSyncSeconds: median(durations),
      busyShare: durations.reduce((sum, d) => sum + d, 0) / (workerCount * ((endedAt - started) / 1000)),
    };
    process.stderr.write(
      `${workerCount} worker(s): ${JSON.stringify(result)} jobs ${JSON.stringify(jobs)}\n`,
    );
    return result;
  } finally {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) => {
            worker.once("exit", resolve);
            worker.kill("SIGTERM");
          }),
      ),
    );
    await goalpost.close();
  }
}

const drains: Drain[] = [];
try {
  for (const count of WORKER_COUNTS) drains.push(await drain(count));
} finally {
  await emulator.close();
}
const base = drains[0];
await report({
  name: "bench:scale",
  summary:
    `PostgreSQL (scratch database per worker count), ${CONNECTIONS} connections (one Jira account each) × 5 key results ` +
    `(4 epics, a project's bugs) on a ${Number(args.issues).toLocaleString("en")}-issue emulator site at ${args.latency} ms latency (own process). ` +
    `N worker processes (\`node apps/server/src/worker.ts\`, scheduler on); one sync job per connection enqueued ` +
    `once all workers are up; throughput = connections ÷ (last sync's end − enqueue). Duplicates: Jira searches ` +
    `beyond one per distinct query per connection, and completed sync jobs beyond one per connection (pgboss.job). ` +
    `Lost: connections never synced; sync jobs not completed.` +
    (KILL
      ? " Kill -9: once Jira has seen the first request, one worker is killed with SIGKILL and another started; " +
        "then every Jira key result must hold exactly one check-in by Jira (0 duplicate, 0 lost)."
      : ""),
  body: table(
    [
      "workers",
      "drain time",
      "syncs/s",
      "speed-up",
      "one sync (median)",
      "syncs in flight per worker",
      "Jira requests",
      "duplicate syncs (Jira reads / jobs)",
      "lost (connections / jobs)",
      "kill -9 mid-sync: duplicate / lost check-ins",
      "verdict",
    ],
    drains.map((d) => [
      String(d.workers),
      `${fmt(d.seconds, 1)} s`,
      fmt(d.synced / d.seconds, 2),
      base ? fmtRatio(base.seconds / d.seconds) : "–",
      `${fmt(d.medianSyncSeconds, 2)} s`,
      fmt(d.busyShare, 2),
      fmt(d.requests),
      `${d.duplicateReads} / ${d.duplicateJobs}`,
      `${d.lostConnections} / ${d.lostJobs}`,
      d.killed ? `${d.duplicateCheckIns} / ${d.lostCheckIns}` : "no kill",
      verdict(
        // After a kill the retried syncs re-read Jira: those reads are expected, not duplicates.
        (d.killed || d.duplicateReads === 0) &&
          d.duplicateJobs === 0 &&
          d.lostConnections === 0 &&
          d.lostJobs === 0 &&
          d.duplicateCheckIns === 0 &&
          d.lostCheckIns === 0,
      ),
    ]),
  ),
});
