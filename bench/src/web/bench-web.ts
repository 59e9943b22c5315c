/**
 * `npm run bench:web` — the dashboard (goals page) with 500 key results in headless chromium (issue 7,
 * benchmark 5).
 *
 * The production web build served by the real server on localhost (PGlite in memory); an org whose current
 * quarter holds 100 objectives × 5 key results (rows inserted directly, with a few check-ins each). Each run
 * opens a fresh browser context (cold cache) with the session cookie, and navigates to `/o/:org/goals`:
 * - time to content: from navigation start until the first objective's title and its key results' progress
 *   bars are on screen (the page's own `performance.now()`);
 * - JS shipped for the first page: every JavaScript response until then, gzip-compressed here (level 9 of
 *   `zlib`, what a server or CDN would send) and raw.
 * Options: `--runs 7`, `--objectives 100` (× 5 key results).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { loadConfig, startGoalpost } from "@goalpost/server";
import { pino } from "pino";
import { chromium } from "playwright-core";
import { report, table, verdict } from "../support/report.ts";
import { schema } from "../support/server-internals.ts";
import { fmt, fmtBytes, median } from "../support/stats.ts";

const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "7" }, objectives: { type: "string", default: "100" } },
});
const RUNS = Number(args.runs);
const OBJECTIVES = Number(args.objectives);
const PER_OBJECTIVE = 5;
const CHROMIUM = "/usr/bin/chromium";
const DAY = 86_400_000;

const port = await new Promise<number>((resolve) => {
  const probe = createServer();
  probe.listen(0, "127.0.0.1", () => {
    const address = probe.address();
    probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
  });
});
const config = loadConfig({
  PORT: String(port),
  HOST: "127.0.0.1",
  DATA_DIR: ":memory:",
  SECRETS_KEY: randomBytes(32).toString("base64"),
});
const goalpost = await startGoalpost(config, { logger: pino({ level: "warn" }), serveWeb: true });
await goalpost.app.listen({ port, host: "127.0.0.1" });
const url = config.publicUrl;

const browser = await chromium.launch({
  executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const credentials = { name: "Bench", email: "bench@goalpost.test", password: "correct horse battery" };
  const signup = await fetch(`${url}/api/v1/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ ...credentials, orgName: "Bench Org" }),
  });
  if (signup.status !== 201) throw new Error(`sign-up: ${signup.status} ${await signup.text()}`);
  const { orgId, user } = (await signup.json()) as { orgId: string; user: { id: string } };
  // The session cookie sign-up set, given to every fresh browser context (no sign-in rate limit in the way).
  const cookies = signup.headers.getSetCookie().map((header) => {
    const [pair = ""] = header.split(";");
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
  });

  const db = goalpost.database.db;
  const now = new Date();
  const quarter = Math.floor(now.getUTCMonth() / 3);
  const periodId = randomUUID();
  await db.insert(schema.periods).values({
    id: periodId,
    orgId,
    name: `Q${quarter + 1} ${now.getUTCFullYear()}`,
    startsAt: new Date(Date.UTC(now.getUTCFullYear(), quarter * 3, 1)),
    endsAt: new Date(Date.UTC(now.getUTCFullYear(), quarter * 3 + 3, 1)),
  });
  const objectives: (typeof schema.objectives.$inferInsert)[] = [];
  const keyResults: (typeof schema.keyResults.$inferInsert)[] = [];
  const checkIns: (typeof schema.checkIns.$inferInsert)[] = [];
  for (let o = 0; o < OBJECTIVES; o++) {
    const id = randomUUID();
    const createdAt = new Date(now.getTime() - 30 * DAY + o * 1000);
    objectives.push({ id, orgId, periodId, title: `Objective ${o + 1}`, ownerId: user.id, createdAt });
    for (let k = 0; k < PER_OBJECTIVE; k++) {
      const keyResultId = randomUUID();
      const progress = (o * 11 + k * 17) % 100;
      keyResults.push({
        id: keyResultId,
        orgId,
        objectiveId: id,
        title: `Key result ${o + 1}.${k + 1}`,
        ownerId: user.id,
        measure: { kind: "percent" },
        value: progress,
        progress,
        syncedAt: now,
        createdAt: new Date(createdAt.getTime() + k),
      });
      for (let c = 0; c < 4; c++)
        checkIns.push({
          id: randomUUID(),
          orgId,
          keyResultId,
          source: "manual",
          authorId: user.id,
          value: (progress * (c + 1)) / 4,
          progress: (progress * (c + 1)) / 4,
          createdAt: new Date(createdAt.getTime() + c * 7 * DAY),
        });
    }
  }
  await db.insert(schema.objectives).values(objectives);
  for (let i = 0; i < keyResults.length; i += 250)
    await db.insert(schema.keyResults).values(keyResults.slice(i, i + 250));
  for (let i = 0; i < checkIns.length; i += 500)
    await db.insert(schema.checkIns).values(checkIns.slice(i, i + 500));

  let lastTimeline: { name: string; start: number; end: number }[] = [];
  let lastShipped: { name: string; gzip: number; raw: number }[] = [];
  const samples: { contentMs: number; jsGzip: number; jsRaw: number; jsFiles: number }[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    const context = await browser.newContext();
    await context.addCookies(cookies);
    const page = await context.newPage();
    // Bodies only while the page loads: gzipping them here would block this process — the server's.
    const scripts: Promise<{ name: string; body: Buffer }>[] = [];
    page.on("response", (response) => {
      const type = response.headers()["content-type"] ?? "";
      if (response.request().resourceType() === "script" || type.includes("javascript"))
        scripts.push(response.body().then((body) => ({ name: new URL(response.url()).pathname, body })));
    });
    // BENCH_WEB_PROFILE=DIR: a V8 CPU profile of the page's last run (where the browser's time goes).
    const profileDir = run === RUNS ? process.env.BENCH_WEB_PROFILE : undefined;
    const cdp = profileDir ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    await page.goto(`${url}/o/${orgId}/goals`, { waitUntil: "commit" });
    await page
      .getByText("Objective 1", { exact: true })
      .first()
      .waitFor({ state: "visible", timeout: 30_000 });
    await page.getByRole("progressbar").first().waitFor({ state: "visible", timeout: 30_000 });
    const contentMs = await page.evaluate(() => performance.now());
    if (cdp && profileDir) {
      const { profile } = await cdp.send("Profiler.stop");
      await mkdir(profileDir, { recursive: true });
      await writeFile(path.join(profileDir, "goals-page.cpuprofile"), JSON.stringify(profile));
    }
    // Where the time went: the document, every script and API call (start → end, ms from navigation start).
    const timeline = await page.evaluate<{ name: string; start: number; end: number }[]>(`[
      ...performance.getEntriesByType("navigation").map((e) => ({ name: "document", start: e.startTime, end: e.domContentLoadedEventEnd })),
      ...performance.getEntriesByType("resource").map((e) => {
        const url = new URL(e.name);
        return { name: url.pathname + url.search, start: e.startTime, end: e.responseEnd };
      }),
    ]`);
    lastTimeline = timeline;
    const shipped = (await Promise.all(scripts)).map(({ name, body }) => ({
      name,
      gzip: gzipSync(body, { level: 9 }).length,
      raw: body.length,
    }));
    lastShipped = shipped;
    await context.close();
    if (run === 0) continue; // warms the server (first render of the list, JIT)
    samples.push({
      contentMs,
      jsGzip: shipped.reduce((sum, s) => sum + s.gzip, 0),
      jsRaw: shipped.reduce((sum, s) => sum + s.raw, 0),
      jsFiles: shipped.length,
    });
    process.stderr.write(`run ${run}: ${fmt(contentMs)} ms, ${fmtBytes(samples.at(-1)?.jsGzip ?? 0)} gzip\n`);
  }
  const content = median(samples.map((s) => s.contentMs));
  const gzip = median(samples.map((s) => s.jsGzip));
  await report({
    name: "bench:web",
    summary:
      `Goals page (\`/o/:org/goals\`, current quarter: ${OBJECTIVES} objectives × ${PER_OBJECTIVE} = ${OBJECTIVES * PER_OBJECTIVE} key results) ` +
      `served by the real server with the production build on localhost (PGlite); headless chromium, a fresh context ` +
      `(cold cache) per run, median of ${RUNS} runs after one warm-up. Time to content = the page's performance.now() ` +
      `when the first objective and a progress bar are visible. JS = every script response up to then, gzip level 9.`,
    body:
      table(
        ["measure", "median", "goal", "verdict"],
        [
          ["time to content", `${fmt(content)} ms`, "< 1,500 ms", verdict(content < 1500)],
          [
            "JS shipped (gzip)",
            `${fmtBytes(gzip)} (${fmtBytes(median(samples.map((s) => s.jsRaw)))} raw, ${fmt(median(samples.map((s) => s.jsFiles)))} files)`,
            "< 300 KB",
            verdict(gzip < 300 * 1024),
          ],
        ],
      ) +
      "\n\nScripts of the first page (gzip / raw): " +
      lastShipped
        .sort((a, b) => b.gzip - a.gzip)
        .map((s) => `\`${s.name.replace(/^\/assets\//, "")}\` ${fmtBytes(s.gzip)} / ${fmtBytes(s.raw)}`)
        .join(", ") +
      ".\n\nTimeline of the last run (ms from navigation start, start → end): " +
      lastTimeline
        .filter((e) => !e.name.endsWith(".css") && !e.name.endsWith(".svg") && !e.name.includes("fonts"))
        .sort((a, b) => a.start - b.start)
        .map(
          (e) =>
            `${e.name.replace(/^\/assets\//, "").replace(/[0-9a-f-]{36}/g, ":id")} ${fmt(e.start)}→${fmt(e.end)}`,
        )
        .join("; ") +
      ".",
  });
} finally {
  await browser.close();
  await goalpost.close();
}
