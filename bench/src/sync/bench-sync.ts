/**
 * `npm run bench:sync` — what a sync costs the user's Jira (issue 7, benchmark 1).
 *
 * An emulator site of 50,000 issues in 10 projects (own process, 150 ms latency per request, Jira-like page
 * caps); 200 key results over one connection (see {@link buildWorkload}). Each run: a fresh Goalpost and a
 * freshly generated site; Goalpost's first sync, then the naive reference sync; 1% of the issues changed
 * through Jira's REST API (transitions and work logs, so `updated` moves); Goalpost's re-sync, then the naive
 * one again. Requests and bytes come from the emulator's request log (per account), wall time and peak
 * memory from this process. The lower bound is computed from the site's data.
 *
 * Options: `--runs N` (default 3), `--engine pglite|postgres` (default pglite), `--issues N`, `--latency MS`,
 * `--profile DIR` (V8 CPU profiles of Goalpost's syncs).
 */
import { parseArgs } from "node:util";
import { withCpuProfile } from "../support/cpu-profile.ts";
import { startEmulatorProcess } from "../support/emulator-process.ts";
import { type Engine, startBenchGoalpost } from "../support/goalpost.ts";
import { jiraRest } from "../support/jira-rest.ts";
import { withPeakMemory } from "../support/memory.ts";
import { report, table, verdict } from "../support/report.ts";
import { insertKeyResult, insertObjective, syncConnection } from "../support/server-internals.ts";
import { fmt, fmtBytes, fmtRatio, median } from "../support/stats.ts";
import { naiveSync } from "./naive-sync.ts";
import { buildWorkload, portfolioEpics, type WorkloadItem } from "./workload.ts";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    engine: { type: "string", default: "pglite" },
    issues: { type: "string", default: "50000" },
    projects: { type: "string", default: "10" },
    latency: { type: "string", default: "150" },
    "change-share": { type: "string", default: "0.01" },
    /** Directory for V8 CPU profiles of Goalpost's syncs (first and re-sync of each run). */
    profile: { type: "string" },
  },
});
const RUNS = Number(args.runs);
const ENGINE = args.engine as Engine;
const ISSUES = Number(args.issues);
const LATENCY_MS = Number(args.latency);
const CHANGE_SHARE = Number(args["change-share"]);
const CONCURRENCY = 4;
const ID_PAGE = 5000;
const FIELD_PAGE = 1000;

const GOALPOST = { email: "goalpost@bench.test", token: "goalpost-token" };
const NAIVE = { email: "naive@bench.test", token: "naive-token" };
const EDITOR = { email: "editor@bench.test", token: "editor-token" };

interface Measured {
  requests: number;
  bytes: number;
  wallMs: number;
  peakHeapGrowthBytes: number;
  byEndpoint: Record<string, number>;
  /** CPU the single-threaded emulator spent serving the phase (JQL evaluation, rendering). */
  emulatorCpuMs: number;
}
interface RunResult {
  first: { goalpost: Measured; naive: Measured; lowerBound: number };
  resync: {
    goalpost: Measured;
    naive: Measured;
    lowerBound: number;
    changed: number;
    changedMembers: number;
  };
}

const emulator = await startEmulatorProcess({
  dataset: { name: "generated", seed: 2026, issues: ISSUES, projects: Number(args.projects) },
  users: [GOALPOST, NAIVE, EDITOR],
});
const accountOf = async (who: { email: string; token: string }) =>
  String((await jiraRest(emulator.url, who).call("GET", "/rest/api/3/myself"))?.accountId);
const accounts = { goalpost: await accountOf(GOALPOST), naive: await accountOf(NAIVE) };
const editor = jiraRest(emulator.url, EDITOR);

/** Runs `work` at the configured latency and returns what it cost `account` on the emulator. */
async function measure(account: string, work: () => Promise<unknown>): Promise<Measured> {
  await emulator.stats({ reset: true });
  await emulator.setFaults({ latencyMs: LATENCY_MS });
  const started = performance.now();
  const { peakHeapGrowthBytes } = await withPeakMemory(work);
  const wallMs = performance.now() - started;
  await emulator.setFaults({ latencyMs: 0 });
  const served = await emulator.stats({ reset: true });
  const stats = served.accounts[account];
  return {
    requests: stats?.requests ?? 0,
    bytes: stats?.bytes ?? 0,
    wallMs,
    peakHeapGrowthBytes,
    byEndpoint: stats?.byEndpoint ?? {},
    emulatorCpuMs: served.cpuMs,
  };
}

/** Members of each distinct JQL, read at no latency by the editor (for the lower bound). */
async function membersOf(jqls: readonly string[]): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>();
  for (const jql of new Set(jqls)) members.set(jql, await editor.searchIds(jql));
  return members;
}

/**
 * Fewest requests the Jira API allows for the same answer: every query's membership at 5000 ids a page, plus
 * the issues whose data must be read (`toRead`) at the field-list cap of 1000. On a first sync a query of at
 * most 1000 members gives its members' data in its one membership page (search with fields), so only members
 * of larger queries not in any such small query are counted in `toRead`.
 */
function lowerBound(members: Map<string, string[]>, toRead: ReadonlySet<string>): number {
  let requests = 0;
  for (const ids of members.values()) requests += Math.max(1, Math.ceil(ids.length / ID_PAGE));
  return requests + Math.ceil(toRead.size / FIELD_PAGE);
}

/** First sync: members not carried by a small query's one page with fields. */
function firstSyncReads(members: Map<string, string[]>): Set<string> {
  const carried = new Set<string>();
  for (const ids of members.values()) if (ids.length <= FIELD_PAGE) for (const id of ids) carried.add(id);
  const toRead = new Set<string>();
  for (const ids of members.values()) for (const id of ids) if (!carried.has(id)) toRead.add(id);
  return toRead;
}

/** Changes `count` issues through the REST API (70% transitions, 30% work logs), `seed`-picked. */
async function changeIssues(keys: readonly string[], count: number, seed: number): Promise<string[]> {
  const picked = new Set<string>();
  let state = seed;
  while (picked.size < count) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    picked.add(keys[state % keys.length] as string);
  }
  const list = [...picked];
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      const key = list[i] as string;
      if (i % 10 < 7) await editor.transitionAnywhere(key, i);
      else await editor.call("POST", `/rest/api/3/issue/${key}/worklog`, { timeSpentSeconds: 1800 });
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return list;
}

async function oneRun(run: number, workload: readonly WorkloadItem[]): Promise<RunResult> {
  await emulator.reset();
  const site = await emulator.issues();
  const jqls = workload.map((item) => item.jql);
  const setup = await startBenchGoalpost({ engine: ENGINE, jiraUrl: emulator.url, jira: GOALPOST });
  const { goalpost, orgId } = setup;
  const connectionId = setup.connectionId as string;
  try {
    const db = goalpost.database.db;
    const objectiveId = await insertObjective(db, { orgId });
    for (const item of workload) {
      await insertKeyResult(db, {
        orgId,
        objectiveId,
        measure: item.measure,
        jira: { connectionId, jql: item.jql, metric: item.metric },
      });
    }
    // The portfolio: reads Jira through the key results' connection (one engine: its 40 epics are epic queries
    // of the same sync, batched with the key results'), every project linked, 40 epics linked.
    const epicKeys = portfolioEpics(site);
    const projectKeys = [...new Set(site.map((issue) => issue.project))].sort();
    const portfolio = await setup.session.post(`/api/v1/orgs/${orgId}/portfolios`, {
      name: "Bench portfolio",
    });
    const portfolioId = (portfolio.json() as { id: string }).id;
    const configured = await setup.session.put(`/api/v1/portfolios/${portfolioId}/jira`, {
      connectionId,
      projectKeys,
    });
    if (configured.statusCode !== 200) throw new Error(`portfolio Jira: ${configured.body}`);
    const initiative = await setup.session.post(`/api/v1/portfolios/${portfolioId}/initiatives`, {
      title: "Bench initiative",
    });
    const initiativeId = (initiative.json() as { id: string }).id;
    for (const key of epicKeys) {
      const linked = await setup.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key });
      if (linked.statusCode !== 201) throw new Error(`link ${key}: ${linked.body}`);
    }
    // What the naive sync reads per portfolio epic, and the lower bound counts as one more query each.
    const epicJqls = epicKeys.map((key) => `parent = ${key} OR "Epic Link" = ${key}`);
    const before = await membersOf([...jqls, ...epicJqls]);
    let phase = "first";
    const sync = async () => {
      const syncing = () => syncConnection(goalpost.jobContext, { connectionId });
      const result = args.profile
        ? await withCpuProfile(args.profile, `goalpost-${phase}-run${run}`, syncing)
        : await syncing();
      phase = "resync";
      if (result.outcome !== "synced" || result.itemsSynced !== workload.length || result.queryFailures > 0)
        throw new Error(`Goalpost sync: ${JSON.stringify(result)}`);
    };
    /** Every linked epic was read by the sync: fresh, none stale. */
    const checkEpics = async () => {
      const epics = (await setup.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json() as {
        items: { stale: unknown; syncedAt: string | null }[];
      };
      const fresh = epics.items.filter((epic) => epic.stale === null && epic.syncedAt !== null);
      if (fresh.length !== epicKeys.length) throw new Error(`Goalpost epics: ${JSON.stringify(epics)}`);
    };
    const naive = () =>
      naiveSync({
        baseUrl: emulator.url,
        ...NAIVE,
        jqls: [...jqls, ...epicJqls],
        concurrency: CONCURRENCY,
      }).then(() => undefined);

    const firstGoalpost = await measure(accounts.goalpost, sync);
    await checkEpics();
    const firstNaive = await measure(accounts.naive, naive);

    const changedKeys = await changeIssues(
      site.map((issue) => issue.key),
      Math.round(site.length * CHANGE_SHARE),
      run * 7919 + 17,
    );
    const after = await membersOf([...jqls, ...epicJqls]);
    const unionAfter = new Set([...after.values()].flat());
    const idOf = new Map(site.map((issue) => [issue.key, issue.id]));
    const changedMembers = new Set(
      changedKeys.map((key) => idOf.get(key) as string).filter((id) => unionAfter.has(id)),
    );

    const resyncGoalpost = await measure(accounts.goalpost, sync);
    await checkEpics();
    const resyncNaive = await measure(accounts.naive, naive);
    const result: RunResult = {
      first: {
        goalpost: firstGoalpost,
        naive: firstNaive,
        lowerBound: lowerBound(before, firstSyncReads(before)),
      },
      resync: {
        goalpost: resyncGoalpost,
        naive: resyncNaive,
        lowerBound: lowerBound(after, changedMembers),
        changed: changedKeys.length,
        changedMembers: changedMembers.size,
      },
    };
    process.stderr.write(
      `run ${run}: first ${firstGoalpost.requests} vs naive ${firstNaive.requests} (LB ${result.first.lowerBound}); ` +
        `re-sync ${resyncGoalpost.requests} vs naive ${resyncNaive.requests} (LB ${result.resync.lowerBound}); ` +
        `goalpost endpoints ${JSON.stringify(resyncGoalpost.byEndpoint)}\n`,
    );
    return result;
  } finally {
    await goalpost.close();
  }
}

const runs: RunResult[] = [];
let workload: WorkloadItem[] = [];
try {
  workload = buildWorkload(await emulator.issues());
  for (let run = 1; run <= RUNS; run++) runs.push(await oneRun(run, workload));
} finally {
  await emulator.close();
}

const distinct = new Set(workload.map((item) => item.jql));
const med = (pick: (run: RunResult) => number) => median(runs.map(pick));
type Phase = "first" | "resync";
const row = (phase: Phase, label: string, pick: (run: RunResult) => Measured | number) => {
  const get = (key: keyof Measured) =>
    med((run) => {
      const value = pick(run);
      return typeof value === "number" ? (key === "requests" ? value : Number.NaN) : (value[key] as number);
    });
  return [
    phase === "first" ? "first sync" : "re-sync (1% changed)",
    label,
    fmt(get("requests")),
    fmtBytes(get("bytes")),
    Number.isNaN(get("wallMs")) ? "–" : `${fmt(get("wallMs") / 1000, 1)} s`,
    fmtBytes(get("peakHeapGrowthBytes")),
    Number.isNaN(get("emulatorCpuMs")) ? "–" : `${fmt(get("emulatorCpuMs") / 1000, 1)} s`,
  ];
};
const ratio = (pick: (run: RunResult) => number) => med(pick);
const firstRequestRatio = ratio((r) => r.first.naive.requests / r.first.goalpost.requests);
const resyncVsBound = ratio((r) => r.resync.goalpost.requests / r.resync.lowerBound);
const resyncBytes = ratio((r) => r.resync.naive.bytes / r.resync.goalpost.bytes);
const resyncWall = ratio((r) => r.resync.naive.wallMs / r.resync.goalpost.wallMs);
const firstBytes = ratio((r) => r.first.naive.bytes / r.first.goalpost.bytes);
const firstWall = ratio((r) => r.first.naive.wallMs / r.first.goalpost.wallMs);
const firstVsBound = ratio((r) => r.first.goalpost.requests / r.first.lowerBound);

const body = [
  table(
    ["phase", "sync", "Jira requests", "bytes received", "wall time", "peak heap growth", "emulator CPU"],
    [
      row("first", "Goalpost", (r) => r.first.goalpost),
      row("first", "naive (jira.js, *all, 50/page)", (r) => r.first.naive),
      row("first", "lower bound", (r) => r.first.lowerBound),
      row("resync", "Goalpost", (r) => r.resync.goalpost),
      row("resync", "naive (jira.js, *all, 50/page)", (r) => r.resync.naive),
      row("resync", "lower bound", (r) => r.resync.lowerBound),
    ],
  ),
  "",
  table(
    ["goal", "measured (median of same-run ratios)", "verdict"],
    [
      [
        "re-sync ≤ 0.3× the per-query lower bound (requests)",
        fmtRatio(resyncVsBound),
        verdict(resyncVsBound <= 0.3),
      ],
      ["re-sync ≥ 20× fewer bytes than naive", fmtRatio(resyncBytes), verdict(resyncBytes >= 20)],
      ["re-sync ≥ 10× less wall time than naive", fmtRatio(resyncWall), verdict(resyncWall >= 10)],
      [
        "first sync ≥ 3× fewer requests than naive",
        fmtRatio(firstRequestRatio),
        verdict(firstRequestRatio >= 3),
      ],
      ["(info) first sync vs lower bound (requests)", fmtRatio(firstVsBound), ""],
      [
        "(info) first sync: fewer bytes / less wall time than naive",
        `${fmtRatio(firstBytes)} / ${fmtRatio(firstWall)}`,
        "",
      ],
    ],
  ),
  "",
  `Goalpost's requests by endpoint (last run): first ${JSON.stringify(runs.at(-1)?.first.goalpost.byEndpoint)}; ` +
    `re-sync ${JSON.stringify(runs.at(-1)?.resync.goalpost.byEndpoint)}. ` +
    `Changed: ${fmt(med((r) => r.resync.changed))} issues, ${fmt(med((r) => r.resync.changedMembers))} of them members of a key result's query.`,
];
await report({
  name: "bench:sync",
  summary:
    `${fmt(ISSUES)} issues in ${args.projects} projects, ${workload.length} key results (${distinct.size} distinct JQLs, every metric) ` +
    `and a portfolio of 40 linked epics (20 also read by key results; read through the key results' connection by the same connection sync, counted in Goalpost's numbers; ` +
    `naive: one \`parent = E OR "Epic Link" = E\` search per epic, counted as one more query in the lower bound), ` +
    `1 connection, ${LATENCY_MS} ms latency per request, Goalpost on ${ENGINE}; median of ${RUNS} runs ` +
    `(each on a freshly generated site). Naive = jira.js \`searchAndReconsileIssuesUsingJqlPost\` per key result, ` +
    `\`fields: ["*all"]\`, default page size, ${CONCURRENCY} key results at a time (Goalpost's per-site limit). ` +
    `Lower bound = Σ ⌈members/5000⌉ per distinct JQL + ⌈issues to read/1000⌉ (re-sync: the changed members; ` +
    `first sync: members of queries over 1000 issues that no query of ≤ 1000 issues carries in its one page with fields). Heap growth = peak (heap + external) above the pre-phase level.`,
  body: body.join("\n"),
});
