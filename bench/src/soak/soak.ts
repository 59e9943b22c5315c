/**
 * `npm run soak` — a long run outside the default suite (issue 12): syncs under random Jira faults while 20
 * API clients on loopback read and write, then three verdicts:
 * - no 5xx: every answer of the run was below 500 (a 5xx is a bug; Jira's faults show as stale, not errors);
 * - memory flat: resident and heap memory at the end against the start (after warm-up and a GC);
 * - history consistent: every key result's check-ins are in time order with finite numbers, and a key
 *   result's value is its last check-in's (no lost or duplicated write).
 *
 * Options: `--minutes 30` (how long), `--clients 20`, `--engine pglite|postgres`, `--sync-every 2` (seconds).
 * Run with `node --expose-gc` (the npm script does) for a meaningful memory comparison.
 */
import { randomInt } from "node:crypto";
import { setTimeout as pause } from "node:timers/promises";
import { parseArgs } from "node:util";
import type { FaultConfig } from "@goalpost/jira-emulator";
import { eq } from "drizzle-orm";
import { startEmulatorProcess } from "../support/emulator-process.ts";
import { type Engine, startBenchGoalpost } from "../support/goalpost.ts";
import { insertKeyResult, insertObjective, schema, syncConnection } from "../support/server-internals.ts";

const { values: args } = parseArgs({
  options: {
    minutes: { type: "string", default: "30" },
    clients: { type: "string", default: "20" },
    engine: { type: "string", default: "pglite" },
    "sync-every": { type: "string", default: "2" },
  },
});
const MINUTES = Number(args.minutes);
const CLIENTS = Number(args.clients);
const ENGINE = (args.engine === "postgres" ? "postgres" : "pglite") as Engine;
const SYNC_EVERY_MS = Number(args["sync-every"]) * 1000;
if (!(MINUTES > 0) || !(CLIENTS > 0)) throw new Error("--minutes and --clients must be positive");

const JIRA = { email: "soak@example.com", token: "soak-token" };
/** The faults a sync may meet, one drawn per sync (none half of the time). */
const FAULTS: Partial<FaultConfig>[] = [
  {},
  {},
  {},
  {},
  { error500Rate: 0.5 },
  { error503Rate: 0.5 },
  { hangRate: 0.3 },
  { resetRate: 0.5 },
  { malformedJsonRate: 0.5 },
  { rateLimitPerSecond: 2 },
  { latencyMs: 300, jitterMs: 300 },
  { revokedUsers: [JIRA.email] },
];
const JQLS = [
  '"Epic Link" = AE-786',
  "project = AE AND statusCategory = Done",
  "project = ATL",
  "project = BEA AND issuetype = Bug",
];

const gc = (globalThis as { gc?: () => void }).gc;
const memory = () => {
  gc?.();
  const m = process.memoryUsage();
  return { rssMb: Math.round(m.rss / 1e6), heapMb: Math.round(m.heapUsed / 1e6) };
};

const emulator = await startEmulatorProcess({ dataset: { name: "demo" }, users: [JIRA] });
const { goalpost, session, orgId, connectionId } = await startBenchGoalpost({
  engine: ENGINE,
  jiraUrl: emulator.url,
  jira: JIRA,
});
if (!connectionId) throw new Error("no connection");
const db = goalpost.database.db;
const address = await goalpost.app.listen({ host: "127.0.0.1", port: 0 });

const objectiveId = await insertObjective(db, { orgId });
const jiraKeyResults: string[] = [];
for (const [i, jql] of JQLS.entries()) {
  jiraKeyResults.push(
    await insertKeyResult(db, {
      orgId,
      objectiveId,
      jira: { connectionId, jql, metric: i % 2 === 0 ? "count" : "storyPoints" },
    }),
  );
}
const manualKeyResults: string[] = [];
for (let i = 0; i < 4; i++) {
  manualKeyResults.push(
    await insertKeyResult(db, {
      orgId,
      objectiveId,
      measure: { kind: "kpi", start: 0, target: 100, completedOnly: false },
    }),
  );
}
const token = (await session.post("/api/v1/me/tokens", { name: "soak" })).json().token as string;
const period = (await session.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0].id as string;

const statuses = new Map<number, number>();
const fiveHundreds: string[] = [];
let requests = 0;
let running = true;
const deadline = Date.now() + MINUTES * 60_000;

async function call(method: string, path: string, body?: unknown): Promise<void> {
  requests += 1;
  let status: number;
  try {
    const response = await fetch(`${address}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(60_000),
    });
    status = response.status;
    const text = await response.text();
    if (status >= 500 && fiveHundreds.length < 20)
      fiveHundreds.push(`${method} ${path} → ${status} ${text.slice(0, 200)}`);
  } catch (error) {
    status = 599;
    if (fiveHundreds.length < 20) fiveHundreds.push(`${method} ${path} → no answer: ${String(error)}`);
  }
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
}

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)] as T;

/** One API client: reads most of the time, checks in, comments and refreshes now and then. */
async function client(): Promise<void> {
  while (running && Date.now() < deadline) {
    const dice = randomInt(100);
    if (dice < 25) await call("GET", `/api/v1/orgs/${orgId}/objectives?periodId=${period}`);
    else if (dice < 45) await call("GET", `/api/v1/key-results/${pick(jiraKeyResults)}`);
    else if (dice < 55)
      await call("GET", `/api/v1/key-results/${pick([...jiraKeyResults, ...manualKeyResults])}/history`);
    else if (dice < 62) await call("GET", `/api/v1/objectives/${objectiveId}`);
    else if (dice < 75)
      await call("POST", `/api/v1/key-results/${pick(manualKeyResults)}/check-ins`, {
        value: randomInt(0, 101),
      });
    else if (dice < 80)
      await call("POST", `/api/v1/key-results/${pick(manualKeyResults)}/comments`, { body: "soak" });
    else if (dice < 85) await call("POST", `/api/v1/key-results/${pick(jiraKeyResults)}/refresh`);
    else if (dice < 90) await call("GET", `/api/v1/key-results/${pick(jiraKeyResults)}/issues`);
    else if (dice < 95) await call("GET", `/api/v1/orgs/${orgId}/periods/${period}/alignment`);
    else await call("GET", "/api/v1/me");
  }
}

/** The scheduler of this run: a sync every few seconds, each under a fault drawn at random. */
async function syncs(): Promise<{ runs: number; outcomes: Record<string, number> }> {
  const outcomes: Record<string, number> = {};
  let runs = 0;
  while (running && Date.now() < deadline) {
    const faults = pick(FAULTS);
    await emulator.setFaults({
      latencyMs: 0,
      jitterMs: 0,
      error500Rate: 0,
      error503Rate: 0,
      hangRate: 0,
      resetRate: 0,
      malformedJsonRate: 0,
      rateLimitPerSecond: 0,
      revokedUsers: [],
      ...faults,
    });
    // A broken connection (revoked token) waits for its token to be saved again, as an admin would.
    const [state] = await db
      .select()
      .from(schema.jiraSyncStates)
      .where(eq(schema.jiraSyncStates.connectionId, connectionId as string));
    if (state?.brokenAt && !faults.revokedUsers) {
      await session.patch(`/api/v1/jira/connections/${connectionId}`, { apiToken: JIRA.token });
    }
    const run = await syncConnection(goalpost.jobContext, { connectionId: connectionId as string });
    outcomes[run.outcome] = (outcomes[run.outcome] ?? 0) + 1;
    runs += 1;
    await pause(SYNC_EVERY_MS);
  }
  return { runs, outcomes };
}

/** Every key result's check-ins in time order, finite, and its value the last one's. */
async function historyProblems(): Promise<string[]> {
  const problems: string[] = [];
  for (const id of [...jiraKeyResults, ...manualKeyResults]) {
    const [row] = await db.select().from(schema.keyResults).where(eq(schema.keyResults.id, id));
    const checkIns = (
      await db.select().from(schema.checkIns).where(eq(schema.checkIns.keyResultId, id))
    ).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    for (const checkIn of checkIns) {
      if (checkIn.value !== null && !Number.isFinite(checkIn.value))
        problems.push(`${id}: value ${checkIn.value}`);
    }
    const last = checkIns.at(-1);
    if (last && row && last.value !== row.value) {
      problems.push(`${id}: value ${row.value} but last check-in ${last.value}`);
    }
    const ids = new Set(checkIns.map((c) => c.id));
    if (ids.size !== checkIns.length) problems.push(`${id}: duplicate check-in ids`);
  }
  return problems;
}

// Warm up (a first sync and a round of reads), then measure.
await syncConnection(goalpost.jobContext, { connectionId });
const start = memory();
const startedAt = Date.now();
process.stderr.write(`soak: ${MINUTES} min, ${CLIENTS} clients, ${ENGINE}, API at ${address}\n`);
/** Heap after a GC every 30 s: a leak shows as growth from the first quarter of the run to its end. */
const heapSamples: { at: number; heapMb: number }[] = [];
const progress = setInterval(() => {
  const now = memory();
  heapSamples.push({ at: Date.now() - startedAt, heapMb: now.heapMb });
  process.stderr.write(
    `  ${Math.round((Date.now() - startedAt) / 1000)} s: ${requests} requests, 5xx ${fiveHundreds.length}, ${JSON.stringify(now)}\n`,
  );
}, 30_000);
let syncSummary: { runs: number; outcomes: Record<string, number> };
try {
  const [summary] = await Promise.all([syncs(), ...Array.from({ length: CLIENTS }, () => client())]);
  syncSummary = summary;
} finally {
  running = false;
  clearInterval(progress);
}
await emulator.setFaults({ revokedUsers: [], hangRate: 0, latencyMs: 0 });
const end = memory();
// Memory flat: the heap at the end within 10% + 16 MB of the heap a quarter into the run (caches and pools
// fill during the first minutes; a leak keeps growing after).
const settled = heapSamples.find((sample) => sample.at >= (MINUTES * 60_000) / 4)?.heapMb ?? start.heapMb;
const heapLimitMb = Math.round(settled * 1.1 + 16);
const memoryFlat = end.heapMb <= heapLimitMb;
const problems = await historyProblems();
const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
const result = {
  minutes: MINUTES,
  clients: CLIENTS,
  engine: ENGINE,
  requests,
  statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
  serverErrors,
  firstServerErrors: fiveHundreds,
  syncs: syncSummary,
  memory: {
    start,
    end,
    rssGrowthMb: end.rssMb - start.rssMb,
    heapGrowthMb: end.heapMb - start.heapMb,
    heapAfterFirstQuarterMb: settled,
    heapLimitMb,
    flat: memoryFlat,
  },
  historyProblems: problems,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await goalpost.close();
await emulator.close();
const ok = serverErrors === 0 && problems.length === 0 && memoryFlat;
process.stdout.write(
  `soak: ${ok ? "PASS" : "FAIL"} (5xx: ${serverErrors}, history problems: ${problems.length}, heap ${end.heapMb} MB, limit ${heapLimitMb} MB)\n`,
);
process.exitCode = ok ? 0 : 1;
