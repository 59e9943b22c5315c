/**
 * `npm run bench:api` — the OKR read path (issue 7, benchmark 3).
 *
 * An org of 5,000 key results (4 quarters, 1,000 objectives, 60,000 check-ins) in a server process; autocannon
 * at 50 connections (this process) against the OKR list of the current quarter (first page, as the goals
 * page asks), a key result and its history (the key result page), and a bare Fastify route in the same server
 * process — interleaved, `--runs` rounds, medians of same-round ratios. On PGlite and PostgreSQL.
 *
 * Options: `--engines pglite,postgres`, `--runs 3`, `--duration 8` (seconds per measurement), `--key-results 5000`,
 * `--profile DIR` (a V8 CPU profile of the server process).
 */
import { fork } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { report, table, verdict } from "../support/report.ts";
import { fmt, median } from "../support/stats.ts";

const { values: args } = parseArgs({
  options: {
    engines: { type: "string", default: "pglite,postgres" },
    runs: { type: "string", default: "3" },
    duration: { type: "string", default: "8" },
    "key-results": { type: "string", default: "5000" },
    connections: { type: "string", default: "50" },
    /** Directory for a V8 CPU profile of the server process (`--cpu-prof`), to find where the time goes. */
    profile: { type: "string" },
  },
});
const ENGINES = (args.engines ?? "pglite,postgres").split(",");
const RUNS = Number(args.runs);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);

interface Ready {
  goalpostUrl: string;
  bareUrl: string;
  cookie: string;
  seedMs: number;
  counts: { objectives: number; keyResults: number; checkIns: number };
  paths: { list: string; keyResult: string; history: string };
}
interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Bytes per response (headers included), as autocannon counted them. */
  bytes: number;
}
const TARGETS = ["bare", "bareDb", "me", "list", "keyResult", "history"] as const;
/**
 * Issue 15's goals: throughput as a share of the floor route's (the bare route plus one trivial query through
 * Goalpost's own database, same round), and p99 at 50 connections per engine.
 */
const FLOOR_SHARE: Partial<Record<Target, number>> = { list: 0.1, keyResult: 0.25 };
const P99_LIMIT_MS: Record<string, number> = { postgres: 100, pglite: 250 };
type Target = (typeof TARGETS)[number];
const LABELS: Record<Target, string> = {
  bare: "bare Fastify route",
  bareDb: "floor: bare route + one prepared primary-key read",
  me: "(diagnostic) signed-in no-op: GET /me",
  list: "OKR list (GET /orgs/:id/objectives?periodId, first page)",
  keyResult: "key result (GET /key-results/:id)",
  history: "key result history (GET /key-results/:id/history)",
};

async function load(url: string, cookie: string, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { cookie } });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    bytes: result.requests.average > 0 ? result.throughput.average / result.requests.average : 0,
  };
}

/**
 * Waits until the server has drained the backlog a saturated measurement leaves behind (requests autocannon
 * gave up on are still being served), so it does not slow the next one: two signed-in no-ops under 50 ms.
 */
async function settle(ready: Ready, cookie: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const started = performance.now();
    await (await fetch(`${ready.goalpostUrl}/api/v1/me`, { headers: { cookie } })).text();
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The cookie a browser would hold now: the session cookie plus whatever the server last set (better-auth's
 * signed session cache, which lasts a minute) — refreshed before every measurement, as a browser refreshes it
 * on its own requests. A fixed cookie would make every request after the first minute a session lookup.
 */
async function browserCookie(ready: Ready, current: string): Promise<string> {
  const jar = new Map(
    current
      .split("; ")
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as const),
  );
  const response = await fetch(`${ready.goalpostUrl}/api/v1/me`, { headers: { cookie: current } });
  await response.text();
  for (const header of response.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const at = pair.indexOf("=");
    const value = pair.slice(at + 1);
    if (value === "" || /max-age=0/i.test(header)) jar.delete(pair.slice(0, at));
    else jar.set(pair.slice(0, at), value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

async function benchEngine(engine: string) {
  const server = fork(
    path.join(import.meta.dirname, "api-server.ts"),
    [engine, String(args["key-results"])],
    {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: {
        ...process.env,
        ...(args.profile ? { BENCH_PROFILE_DIR: path.resolve(args.profile) } : {}),
      },
    },
  );
  const ready = await new Promise<Ready>((resolve, reject) => {
    server.once("message", (message) => resolve(message as Ready));
    server.once("exit", (code) => reject(new Error(`api server exited with ${code}`)));
  });
  const urlOf = (target: Target) =>
    target === "bare" || target === "bareDb"
      ? `${ready.bareUrl}/${target === "bare" ? "bare" : "bare-db"}`
      : `${ready.goalpostUrl}${target === "me" ? "/api/v1/me" : ready.paths[target]}`;
  try {
    let cookie = await browserCookie(ready, ready.cookie);
    for (const target of TARGETS) {
      const probe = await fetch(urlOf(target), { headers: { cookie } });
      if (!probe.ok) throw new Error(`${target}: ${probe.status} ${await probe.text()}`);
      cookie = await browserCookie(ready, cookie);
      await load(urlOf(target), cookie, 2); // warm-up
      await settle(ready, cookie);
    }
    const rounds: Record<Target, Load>[] = [];
    for (let run = 0; run < RUNS; run++) {
      const round = {} as Record<Target, Load>;
      for (const target of TARGETS) {
        cookie = await browserCookie(ready, cookie);
        round[target] = await load(urlOf(target), cookie, DURATION);
        await settle(ready, cookie);
      }
      rounds.push(round);
      process.stderr.write(
        `${engine} round ${run + 1}: ${TARGETS.map((t) => `${t} ${fmt(round[t].rps)} rps p99 ${round[t].p99} ms ${fmt(round[t].bytes / 1024, 1)} KB`).join(", ")}\n`,
      );
    }
    return { engine, ready, rounds };
  } finally {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.send("close");
    await exited;
  }
}

const results = [];
for (const engine of ENGINES) results.push(await benchEngine(engine));

const rows: string[][] = [];
const goals: string[][] = [];
for (const { engine, rounds } of results) {
  for (const target of TARGETS) {
    const m = (pick: (l: Load) => number) => median(rounds.map((round) => pick(round[target])));
    const ratio = median(rounds.map((round) => round[target].rps / round.bare.rps));
    const floorRatio = median(rounds.map((round) => round[target].rps / round.bareDb.rps));
    rows.push([
      engine,
      LABELS[target],
      fmt(m((l) => l.rps)),
      `${fmt(m((l) => l.p50))} ms`,
      `${fmt(m((l) => l.p99))} ms`,
      target === "bare" ? "1" : `${fmt(ratio * 100, 1)}%`,
      target === "bare" ? "" : target === "bareDb" ? "1" : `${fmt(floorRatio * 100, 1)}%`,
      fmt(m((l) => l.errors)),
    ]);
    if (target === "list" || target === "keyResult" || target === "history") {
      const p99 = m((l) => l.p99);
      const limit = P99_LIMIT_MS[engine] ?? 100;
      const share = FLOOR_SHARE[target];
      goals.push([
        engine,
        LABELS[target],
        `p99 ${fmt(p99)} ms (< ${limit})` +
          (share === undefined ? "" : ` · ${fmt(floorRatio * 100, 1)}% of the floor (≥ ${share * 100}%)`),
        verdict(p99 < limit && (share === undefined || floorRatio >= share)),
      ]);
    }
  }
}
const first = results[0]?.ready;
await report({
  name: "bench:api",
  summary:
    `An org of ${fmt(first?.counts.keyResults ?? 0)} key results (${fmt(first?.counts.objectives ?? 0)} objectives over 4 quarters, ` +
    `${fmt(first?.counts.checkIns ?? 0)} check-ins), rows inserted directly (seeding took ${results.map((r) => `${fmt(r.ready.seedMs / 1000, 1)} s on ${r.engine}`).join(", ")}). ` +
    `autocannon, ${CONNECTIONS} connections, ${DURATION} s per measurement, targets interleaved in ${RUNS} rounds after a 2 s warm-up, the server's backlog drained between measurements; ` +
    `the session cookie as a browser holds it (refreshed before each measurement); medians of the rounds, ratios = requests/s ÷ the bare route's, and ÷ the floor route's (bare + one prepared primary-key read through Goalpost's database), in the same round. The server (Goalpost and the bare ` +
    `Fastify route, same process) runs in its own process, autocannon in another.`,
  body: [
    table(["engine", "route", "requests/s", "p50", "p99", "vs bare", "vs floor", "errors"], rows),
    "",
    table(["engine", "route", "goal (issue 15)", "verdict"], goals),
  ].join("\n"),
});
