import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_LOGIN } from "./demo-org.ts";

const DEMO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "demo.ts");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
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
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill("SIGTERM");
  });

  it("serves the app, a demo login and the bundled Jira emulator with demo data", async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(path.join(tmpdir(), "gp-demo-"));
    child = spawn(process.execPath, [DEMO], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_JIRA_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += String(chunk);
    });
    child.stderr?.on("data", (chunk) => {
      output += String(chunk);
    });
    await expect.poll(() => output, { timeout: 60_000, interval: 250 }).toContain("Goalpost demo is running");
    expect(output).toContain(`URL:       http://127.0.0.1:${port}`);
    expect(output).toContain(`${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);

    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
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
    const me = (await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json()) as {
      orgs: { role: string }[];
    };
    expect(me.orgs).toEqual([expect.objectContaining({ name: "Acme Robotics", role: "admin" })]);

    const orgId = (me.orgs[0] as unknown as { id: string }).id;
    const get = async <T>(path: string) =>
      (await (await fetch(`${base}${path}`, { headers: { cookie } })).json()) as T;
    await expectDemoPortfolio(get, orgId);

    const jiraUrl = /Jira:\s+(http:\/\/\S+)/.exec(output)?.[1];
    expect(jiraUrl).toBeDefined();
    const search = await fetch(
      `${jiraUrl}/rest/api/3/search/jql?jql=${encodeURIComponent("parent = AE-786")}&fields=status`,
      {
        headers: {
          authorization: `Basic ${Buffer.from("ada@example.com:demo-jira-token").toString("base64")}`,
        },
      },
    );
    const issues = ((await search.json()) as { issues: unknown[] }).issues;
    expect(issues).toHaveLength(10);
  });
});

describe("npm run demo -- --jira data-center", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill("SIGTERM");
  });

  it("starts against an emulated Jira Data Center: the demo connection is a Data Center one and synced, the portfolio seeded", async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(path.join(tmpdir(), "gp-demo-dc-"));
    child = spawn(process.execPath, [DEMO, "--jira", "data-center"], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_JIRA_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += String(chunk);
    });
    child.stderr?.on("data", (chunk) => {
      output += String(chunk);
    });
    await expect.poll(() => output, { timeout: 60_000, interval: 250 }).toContain("Goalpost demo is running");
    expect(output).toContain("playing Jira Data Center");

    const base = `http://127.0.0.1:${port}`;
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: DEMO_LOGIN.email, password: DEMO_LOGIN.password }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const get = async <T>(path: string) =>
      (await (await fetch(`${base}${path}`, { headers: { cookie } })).json()) as T;
    const me = await get<{ orgs: { id: string }[] }>("/api/v1/me");
    const orgId = me.orgs[0]?.id ?? "";
    const connections = await get<{ items: { deployment: string; sync: { lastSyncedAt: string | null } }[] }>(
      `/api/v1/orgs/${orgId}/jira/connections`,
    );
    expect(connections.items).toEqual([
      expect.objectContaining({ deployment: "dataCenter", sync: expect.objectContaining({ broken: false }) }),
    ]);
    await expectDemoPortfolio(get, orgId);

    const jiraUrl = /Jira:\s+(http:\/\/\S+)/.exec(output)?.[1];
    const search = await fetch(
      `${jiraUrl}/rest/api/2/search?jql=${encodeURIComponent('"Epic Link" = AE-786')}&fields=status`,
      { headers: { authorization: "Bearer demo-jira-token" } },
    );
    expect(((await search.json()) as { total: number }).total).toBe(10);
  });
});
