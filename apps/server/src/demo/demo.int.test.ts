import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../testing/free-port.ts";
import { DEMO_LOGIN } from "./demo-org.ts";

const DEMO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "demo.ts");

/** A running `npm run demo` (its own process), with what it printed so far. */
interface RunningDemo {
  child: ChildProcess;
  base: string;
  output: () => string;
  /** The Jira emulator's address, as printed. */
  jiraUrl: () => string | undefined;
}

const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill("SIGTERM");
});

/** Starts the demo on a free port with its data in `dataDir` and the Jira emulator on a port of its own. */
async function startDemo(args: string[], dataDir: string): Promise<RunningDemo> {
  const port = await freePort();
  const child = spawn(process.execPath, [DEMO, ...args], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_JIRA_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The demo is not running after 60 s:\n${output}`)),
      60_000,
    );
    const read = (chunk: unknown) => {
      output += String(chunk);
      if (output.includes("Goalpost demo is running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The demo exited (${code}) before it was running:\n${output}`));
    });
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    jiraUrl: () => /Jira:\s+(http:\/\/\S+)/.exec(output)?.[1],
  };
}

async function stopDemo(demo: RunningDemo): Promise<void> {
  const exited = once(demo.child, "exit");
  demo.child.kill("SIGTERM");
  await exited;
}

/** Signs in with the demo login; a GET as that person, and their organisation's id. */
async function signInDemo(base: string) {
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: DEMO_LOGIN.email, password: DEMO_LOGIN.password }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const get = async <T>(path: string) =>
    (await (await fetch(`${base}${path}`, { headers: { cookie } })).json()) as T;
  const me = await get<{ orgs: { id: string; name: string; role: string }[] }>("/api/v1/me");
  return { get, me, orgId: me.orgs[0]?.id ?? "" };
}

/** The seeded portfolio: configured, four linked projects, three initiatives whose epics differ in progress. */
async function expectDemoPortfolio(get: <T>(path: string) => Promise<T>, orgId: string): Promise<void> {
  const portfolios = await get<{ items: { id: string; name: string; jiraConfigured: boolean }[] }>(
    `/api/v1/orgs/${orgId}/portfolios`,
  );
  expect(portfolios.items).toEqual([
    expect.objectContaining({ name: "Product Launches", jiraConfigured: true }),
  ]);
  const portfolioId = portfolios.items[0]?.id ?? "";
  const projects = await get<{ items: { key: string }[] }>(`/api/v1/portfolios/${portfolioId}/jira/projects`);
  expect(projects.items.map((p) => p.key)).toEqual(["AE", "ATL", "BEA", "COM"]);
  const initiatives = await get<{
    items: { epicCount: number; progress: { byCount: { progress: number } } }[];
  }>(`/api/v1/portfolios/${portfolioId}/initiatives`);
  expect(initiatives.items).toHaveLength(3);
  expect(initiatives.items.every((i) => i.epicCount > 0)).toBe(true);
  const progresses = new Set(initiatives.items.map((i) => Math.round(i.progress.byCount.progress)));
  expect(progresses.size).toBe(3);
}

describe("npm run demo", () => {
  it("serves the app, a demo login and the bundled Jira emulator with demo data", async () => {
    const demo = await startDemo([], await mkdtemp(path.join(tmpdir(), "gp-demo-")));
    expect(demo.output()).toContain(`URL:       ${demo.base}`);
    expect(demo.output()).toContain(`${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
    expect((await fetch(`${demo.base}/healthz`)).status).toBe(200);

    const { get, me, orgId } = await signInDemo(demo.base);
    expect(me.orgs).toEqual([expect.objectContaining({ name: "Acme Robotics", role: "admin" })]);
    await expectDemoPortfolio(get, orgId);

    expect(demo.jiraUrl()).toBeDefined();
    const search = await fetch(
      `${demo.jiraUrl()}/rest/api/3/search/jql?jql=${encodeURIComponent("parent = AE-786")}&fields=status`,
      {
        headers: {
          authorization: `Basic ${Buffer.from("ada@example.com:demo-jira-token").toString("base64")}`,
        },
      },
    );
    const issues = ((await search.json()) as { issues: unknown[] }).issues;
    expect(issues).toHaveLength(10);
    await stopDemo(demo);
  });
});

describe("npm run demo -- --jira data-center", () => {
  it("starts against an emulated Jira Data Center: the demo connection is a Data Center one and synced, the portfolio seeded", async () => {
    const demo = await startDemo(
      ["--jira", "data-center"],
      await mkdtemp(path.join(tmpdir(), "gp-demo-dc-")),
    );
    expect(demo.output()).toContain("playing Jira Data Center");

    const { get, orgId } = await signInDemo(demo.base);
    const connections = await get<{ items: { deployment: string; sync: { lastSyncedAt: string | null } }[] }>(
      `/api/v1/orgs/${orgId}/jira/connections`,
    );
    expect(connections.items).toEqual([
      expect.objectContaining({ deployment: "dataCenter", sync: expect.objectContaining({ broken: false }) }),
    ]);
    await expectDemoPortfolio(get, orgId);

    const search = await fetch(
      `${demo.jiraUrl()}/rest/api/2/search?jql=${encodeURIComponent('"Epic Link" = AE-786')}&fields=status`,
      { headers: { authorization: "Bearer demo-jira-token" } },
    );
    expect(((await search.json()) as { total: number }).total).toBe(10);
    await stopDemo(demo);
  });
});

describe.each([
  ["Jira Cloud", []],
  ["Jira Data Center", ["--jira", "data-center"]],
])("npm run demo again, its Jira emulator on another port (%s)", (_name, args) => {
  it("starts again on the same data, its connection and portfolio re-pointed to the new address and healthy", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "gp-demo-again-"));
    const first = await startDemo(args, dataDir);
    const firstJira = first.jiraUrl();
    await stopDemo(first);

    const again = await startDemo(args, dataDir);
    expect(again.jiraUrl()).toBeDefined();
    expect(again.jiraUrl()).not.toBe(firstJira);
    const { get, orgId } = await signInDemo(again.base);
    const connections = await get<{ items: { baseUrl: string; sync: { broken: boolean } }[] }>(
      `/api/v1/orgs/${orgId}/jira/connections`,
    );
    expect(connections.items).toEqual([
      expect.objectContaining({ baseUrl: again.jiraUrl(), sync: expect.objectContaining({ broken: false }) }),
    ]);
    const portfolios = await get<{ items: { id: string }[] }>(`/api/v1/orgs/${orgId}/portfolios`);
    const config = await get<{ baseUrl: string }>(`/api/v1/portfolios/${portfolios.items[0]?.id}/jira`);
    expect(config.baseUrl).toBe(again.jiraUrl());
    await stopDemo(again);
  });
});
