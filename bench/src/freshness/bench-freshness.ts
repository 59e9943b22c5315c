/**
 * `npm run bench:freshness` — how long a change in Jira takes to show in Goalpost (issue 7, benchmark 2).
 *
 * A whole Goalpost with its job workers inline (pg-boss cron scheduler, sync jobs) on PGlite, 100 key results
 * on 100 epics of a generated emulator site (150 ms latency). 100 changes — one story of each epic moved to
 * Done through Jira's REST API — at uniformly random instants over `--cycles` sync cycles; each key result is
 * read through `GET /api/v1/key-results/:id` every `--poll-ms` until its new value shows.
 *
 * Mode `poll` (default): Goalpost's scheduled syncs at `SYNC_INTERVAL_MINUTES=--interval` (default 2; the
 * product default of 60 cannot be waited out 100 times). Each latency is split into the wait for the sync
 * that picked the change up (change → that sync's start; uniform over the cycle, so it scales with the
 * interval) and the processing after it (sync, database, API; does not scale). The 60-minute figure takes,
 * per change, its wait as a share of the cycle it fell in (previous sync start → the one that picked it up),
 * times 60 minutes, plus its processing.
 * Mode `push`: the same changes, with the connection's webhook (its URL and secret from Goalpost) registered in
 * the emulator as a Jira admin would, Goalpost listening on a loopback port, the change probe off and the
 * hourly sync at 60 minutes: changes reach Goalpost only by webhook. Then a burst of `--burst` edits (500),
 * counting Goalpost's Jira requests until the queue is idle.
 * Mode `probe`: no webhook, the per-minute change probe on, the hourly sync at 60 minutes.
 * In both, `--changes` changes over `--window` minutes (3), then `--idle` minutes (3) with nothing changing,
 * counting Goalpost's Jira requests per minute per connection.
 */
import { parseArgs } from "node:util";
import { createJiraEmulator } from "@goalpost/jira-emulator";
import { sql } from "drizzle-orm";
import { startBenchGoalpost } from "../support/goalpost.ts";
import { jiraRest } from "../support/jira-rest.ts";
import { report, table, verdict } from "../support/report.ts";
import { insertKeyResult, insertObjective, schema } from "../support/server-internals.ts";
import { fmt, median, percentile } from "../support/stats.ts";

const { values: args } = parseArgs({
  options: {
    mode: { type: "string", default: "poll" },
    interval: { type: "string", default: "2" },
    changes: { type: "string", default: "100" },
    cycles: { type: "string", default: "3" },
    "poll-ms": { type: "string", default: "500" },
    latency: { type: "string", default: "150" },
    window: { type: "string", default: "3" },
    idle: { type: "string", default: "3" },
    burst: { type: "string", default: "500" },
  },
});
const MODE = args.mode === "push" || args.mode === "probe" ? args.mode : "poll";
const LIVE = MODE !== "poll";
const INTERVAL_MIN = LIVE ? 60 : Number(args.interval);
const CHANGES = Number(args.changes);
const CYCLES = Number(args.cycles);
const POLL_MS = Number(args["poll-ms"]);
const PRODUCT_INTERVAL_MIN = 60;

const GOALPOST = { email: "goalpost@bench.test", token: "goalpost-token" };
const EDITOR = { email: "editor@bench.test", token: "editor-token" };

const jira = await createJiraEmulator({
  dataset: { name: "generated", seed: 7, issues: 6000, projects: 3 },
  users: [GOALPOST, EDITOR],
  listen: true,
});
const editor = jiraRest(jira.url, EDITOR);
const { goalpost, session, orgId, connectionId } = await startBenchGoalpost({
  engine: "pglite",
  jiraUrl: jira.url,
  jira: GOALPOST,
  env: {
    WORKERS: "inline",
    SYNC_INTERVAL_MINUTES: String(INTERVAL_MIN),
    CHANGE_PROBE: MODE === "probe" ? "true" : "false",
  },
});
const goalpostAccountId = jira.admin.store.users.get(
  [...jira.admin.store.users.values()].find((u) => u.emailAddress === GOALPOST.email)?.accountId ?? "",
)?.accountId;
/** Goalpost's requests to Jira in the emulator's log since it was last cleared. */
const goalpostRequests = () =>
  jira.admin.requestLog().filter((entry) => entry.accountId === goalpostAccountId).length;
const queueIdle = async () => {
  const rows = await goalpost.database.db.execute(
    sql`select count(*)::int as n from pgboss.job where name in ('live-sync', 'probe-connection', 'sync-connection') and state in ('created', 'retry', 'active')`,
  );
  return (rows as unknown as { rows: { n: number }[] }).rows[0]?.n === 0;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const db = goalpost.database.db;

let idle: { requests: number; minutes: number } | null = null;
let burst: { edits: number; requests: number; seconds: number; paths: string } | null = null;
/** Goalpost's requests since the log was last cleared, counted per method and path (`POST /rest/api/3/search/jql ×3`). */
const requestPaths = () => {
  const counts = new Map<string, number>();
  for (const entry of jira.admin.requestLog()) {
    if (entry.accountId !== goalpostAccountId) continue;
    const key = `${entry.method} ${entry.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`).join(", ");
};

interface Sample {
  keyResultId: string;
  storyKey: string;
  changedAt: number;
  visibleAt?: number;
  before: number | null;
}

try {
  if (MODE === "push") {
    await goalpost.app.listen({ port: 0, host: "127.0.0.1" });
    const address = goalpost.app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const webhook = await session.get(`/api/v1/jira/connections/${connectionId}/webhook`);
    if (webhook.statusCode !== 200) throw new Error(`webhook: ${webhook.statusCode} ${webhook.body}`);
    const { url, secret } = webhook.json() as { url: string; secret: string };
    await editor.call("POST", "/rest/webhooks/1.0/webhook", {
      name: "Goalpost freshness bench",
      url: `http://127.0.0.1:${port}${new URL(url).pathname}`,
      events: ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"],
      secret,
    });
  }
  // 100 epics, each with a story not yet done: one key result per epic, one change per key result.
  const stories = [...jira.admin.store.issues.values()];
  const plans: { epicKey: string; storyKey: string }[] = [];
  const taken = new Set<string>();
  for (const story of stories) {
    const parent = (story.fields.parent as { key?: string } | undefined)?.key;
    const category = (story.fields.status as { statusCategory: { key: string } }).statusCategory.key;
    const type = (story.fields.issuetype as { subtask: boolean; name: string }).name;
    if (!parent || taken.has(parent) || category === "done" || type === "Sub-task") continue;
    const epic = jira.admin.store.findIssue(parent);
    if ((epic?.fields.issuetype as { name: string } | undefined)?.name !== "Epic") continue;
    taken.add(parent);
    plans.push({ epicKey: parent, storyKey: story.key });
    if (plans.length === CHANGES) break;
  }
  if (plans.length < CHANGES) throw new Error(`only ${plans.length} epics with an open story`);
  const objectiveId = await insertObjective(db, { orgId });
  const samples: Sample[] = [];
  for (const plan of plans) {
    const keyResultId = await insertKeyResult(db, {
      orgId,
      objectiveId,
      measure: { kind: "percent" },
      jira: { connectionId: connectionId as string, jql: `parent = ${plan.epicKey}`, metric: "count" },
    });
    samples.push({ keyResultId, storyKey: plan.storyKey, changedAt: 0, before: null });
  }
  const doneCountOf = async (id: string) => {
    const response = await session.get(`/api/v1/key-results/${id}`);
    if (response.statusCode !== 200)
      throw new Error(`GET key result: ${response.statusCode} ${response.body}`);
    return (response.json() as { state?: { doneCount?: number | null } }).state?.doneCount ?? null;
  };

  // Sync starts, as recorded by the engine (`lastAttemptAt` is each sync's start), watched every 100 ms.
  const syncStarts = new Set<number>();
  const watchSyncs = setInterval(() => {
    void db
      .select({ at: schema.jiraSyncStates.lastAttemptAt })
      .from(schema.jiraSyncStates)
      .then((rows) => {
        for (const row of rows) if (row.at) syncStarts.add(row.at.getTime());
      });
  }, 100);
  await jira.admin.setFaults({ latencyMs: Number(args.latency) });
  try {
    // The first scheduled sync reads every key result.
    const bootStarted = Date.now();
    while ((await doneCountOf(samples[0]?.keyResultId as string)) === null) {
      if (Date.now() - bootStarted > 4 * INTERVAL_MIN * 60_000) throw new Error("no first sync");
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    for (const sample of samples) sample.before = await doneCountOf(sample.keyResultId);
    process.stderr.write(`first sync done after ${fmt((Date.now() - bootStarted) / 1000)} s; changing\n`);

    const windowMs = LIVE ? Number(args.window) * 60_000 : CYCLES * INTERVAL_MIN * 60_000;
    const startAt = Date.now();
    const offsets = samples.map(() => Math.random() * windowMs).sort((a, b) => a - b);
    const changing = samples.map(async (sample, i) => {
      await new Promise((resolve) => setTimeout(resolve, startAt + (offsets[i] as number) - Date.now()));
      const listed = await editor.call("GET", `/rest/api/3/issue/${sample.storyKey}/transitions`);
      const toDone = (
        (listed?.transitions ?? []) as { id: string; to?: { statusCategory?: { key?: string } } }[]
      ).find((t) => t.to?.statusCategory?.key === "done");
      if (!toDone) throw new Error(`${sample.storyKey} has no transition to done`);
      await editor.call("POST", `/rest/api/3/issue/${sample.storyKey}/transitions`, {
        transition: { id: toDone.id },
      });
      sample.changedAt = Date.now();
    });
    const deadline = startAt + windowMs + (LIVE ? 5 * 60_000 : 3 * INTERVAL_MIN * 60_000);
    while (samples.some((s) => s.visibleAt === undefined) && Date.now() < deadline) {
      const pending = samples.filter((s) => s.changedAt > 0 && s.visibleAt === undefined);
      for (const sample of pending) {
        if ((await doneCountOf(sample.keyResultId)) !== sample.before) sample.visibleAt = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    await Promise.all(changing);
    if (LIVE) {
      // Nothing changes: what does following Jira cost then?
      while (!(await queueIdle())) await sleep(200);
      jira.admin.clearRequestLog();
      await sleep(Number(args.idle) * 60_000);
      idle = { requests: goalpostRequests(), minutes: Number(args.idle) };
    }
    if (MODE === "push") {
      const open = samples.map((s) => s.storyKey);
      jira.admin.clearRequestLog();
      const startedBurst = Date.now();
      for (let n = 0; n < Number(args.burst); n += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, Number(args.burst) - n) }, (_, k) =>
            editor.call("PUT", `/rest/api/3/issue/${open[(n + k) % open.length]}`, {
              fields: { summary: `Burst edit ${n + k}` },
            }),
          ),
        );
      }
      const editedIn = Date.now() - startedBurst;
      await jira.admin.webhooksIdle();
      await sleep(2000);
      while (!(await queueIdle())) await sleep(200);
      burst = {
        edits: Number(args.burst),
        requests: goalpostRequests(),
        seconds: editedIn / 1000,
        paths: requestPaths(),
      };
    }
  } finally {
    clearInterval(watchSyncs);
  }

  const seen = samples.filter((s): s is Sample & { visibleAt: number } => s.visibleAt !== undefined);
  const starts = [...syncStarts].sort((a, b) => a - b);
  const gaps = starts.slice(1).map((at, i) => at - (starts[i] as number));
  const cycleMs = median(gaps);
  const latencies = seen.map((s) => s.visibleAt - s.changedAt);
  // Each change's wait as a share of the cycle it fell in (previous sync start → the start that picked it up):
  // uniform over [0, 1] whatever the interval, so at 60 minutes the wait is that share of 60 minutes.
  const split = seen.map((s) => {
    const index = starts.findLastIndex((at) => at <= s.visibleAt);
    const pickup = starts[index] ?? s.changedAt;
    const previous = starts[index - 1] ?? pickup - cycleMs;
    const wait = Math.max(0, pickup - s.changedAt);
    return {
      wait,
      share: Math.min(1, wait / Math.max(1, pickup - previous)),
      processing: s.visibleAt - s.changedAt - wait,
    };
  });
  const scaled = split.map((s) => s.share * PRODUCT_INTERVAL_MIN * 60_000 + s.processing);
  const sec = (ms: number) => `${fmt(ms / 1000, 1)} s`;
  const min = (ms: number) => `${fmt(ms / 60_000, 1)} min`;
  const p95Live = percentile(latencies, 95);
  await report({
    name: `bench:freshness (${MODE})`,
    summary:
      `${seen.length} of ${samples.length} changes seen (one story per epic moved to Done via Jira's REST API at uniformly ` +
      `random instants over ${CYCLES} cycles; emulator latency ${args.latency} ms; each changed key result polled through ` +
      `GET /api/v1/key-results/:id every ${POLL_MS} ms). Goalpost on PGlite with inline workers, ` +
      (MODE === "poll"
        ? `SYNC_INTERVAL_MINUTES=${INTERVAL_MIN}: ${starts.length} syncs, cycles ${sec(Math.min(...gaps))}–${sec(Math.max(...gaps))} (median ${sec(cycleMs)}). ` +
          `Latency = wait (change → start of the sync that showed it; uniform over the cycle, scales with the interval) ` +
          `+ processing (sync start → value in the API; does not scale). At the product's 60 minutes a connection ` +
          `is due 59 min after a sync started and taken at the next once-a-minute scheduler tick, so the cycle is ` +
          `59–60 min. A change's wait is a share of the cycle it fell in, uniform over [0, 1] at any interval; the ` +
          `60-minute row is, per change, that share × 60 min + its processing (a wait of up to one cycle, p50 ≈ 30 min).`
        : MODE === "push"
          ? `the hourly sync at 60 min, no probe: changes arrive by the connection's webhook (registered in the emulator with its URL and secret, delivered over loopback HTTP). "Wait" is change → start of the live sync that showed it (debounce and queue).`
          : `the hourly sync at 60 min, no webhook: the per-minute change probe finds changes. "Wait" is change → start of the live sync that showed it (up to a probe period).`) +
      (burst ? ` Burst requests by path: ${burst.paths}.` : ""),
    body: table(
      ["", "p50", "p95", "max"],
      [
        [
          `measured (interval ${INTERVAL_MIN} min)`,
          sec(median(latencies)),
          sec(p95Live),
          sec(Math.max(...latencies)),
        ],
        [
          "— wait for the sync",
          sec(median(split.map((s) => s.wait))),
          sec(
            percentile(
              split.map((s) => s.wait),
              95,
            ),
          ),
          sec(Math.max(...split.map((s) => s.wait))),
        ],
        [
          "— processing",
          sec(median(split.map((s) => s.processing))),
          sec(
            percentile(
              split.map((s) => s.processing),
              95,
            ),
          ),
          sec(Math.max(...split.map((s) => s.processing))),
        ],
        ...(MODE === "poll"
          ? [
              [
                `at SYNC_INTERVAL_MINUTES=60 (scaled)`,
                min(median(scaled)),
                min(percentile(scaled, 95)),
                min(Math.max(...scaled)),
              ],
            ]
          : [
              MODE === "push"
                ? ["push goal: p95 < 5 s", "", sec(p95Live), verdict(p95Live < 5000)]
                : ["probe goal: p95 < 90 s", "", sec(p95Live), verdict(p95Live < 90_000)],
              ...(idle
                ? [
                    [
                      `idle: Jira requests per minute per connection (goal ≤ 1; ${idle.requests} in ${idle.minutes} min)`,
                      "",
                      fmt(idle.requests / idle.minutes, 2),
                      verdict(idle.requests / idle.minutes <= 1),
                    ],
                  ]
                : []),
              ...(burst
                ? [
                    [
                      `burst: ${burst.edits} edits in ${fmt(burst.seconds, 1)} s → Jira requests (goal ≤ 10)`,
                      "",
                      String(burst.requests),
                      verdict(burst.requests <= 10),
                    ],
                  ]
                : []),
            ]),
      ],
    ),
  });
} finally {
  await goalpost.close();
  await jira.close();
}
