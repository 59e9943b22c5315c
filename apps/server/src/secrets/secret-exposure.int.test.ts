import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { JiraEmulator } from "@goalpost/jira-emulator";
import { sql } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, jiraConnections, portfolioJiraConfigs } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { FAST_JIRA, type JiraAndGoalpost, startJiraAndGoalpost } from "../testing/jira-world.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const ADA = { email: "ada@example.com", token: "ada-SECRET-token-7f3a9c" };
const BEA = { email: "bea@example.com", token: "bea-SECRET-token-2d8e41" };
const PORTFOLIO = { email: "pat@example.com", token: "pat-SECRET-token-91c0b7" };
/** Sent once, refused by Jira: must not come back in the error either. */
const WRONG_TOKEN = "wrong-SECRET-token-55aa01";
const JIRA_SECRETS = [ADA.token, BEA.token, PORTFOLIO.token, WRONG_TOKEN];
const EPIC = '"Epic Link" = AE-786';

const WEB_ROOT = fileURLToPath(new URL("../../../web/", import.meta.url));

/** Every form a secret could leak in: as is, and inside an HTTP Basic header. */
function leakForms(email: string, token: string): string[] {
  return [token, Buffer.from(`${email}:${token}`).toString("base64")];
}

/** Files under `dir` (recursively), or none when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  const exists = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe.each(TEST_ENGINES)("secrets on %s", (engine) => {
  let world: JiraAndGoalpost;
  let jira: JiraEmulator;
  let goalpost: Goalpost;
  const logLines: string[] = [];
  /** Every response Goalpost gave in this test: status line, headers and body. */
  const responses: string[] = [];
  let personalToken = "";

  beforeAll(async () => {
    // Everything at trace level, so a secret written at any level is caught.
    const logger = pino({ level: "trace" }, { write: (line: string) => logLines.push(line) });
    world = await startJiraAndGoalpost(engine, {
      emulator: { users: [ADA, BEA, PORTFOLIO] },
      logger,
      jira: FAST_JIRA,
    });
    ({ jira, goalpost } = world);
    const inject = goalpost.app.inject.bind(goalpost.app);
    // Records every answer, whoever asks.
    goalpost.app.inject = (async (options: InjectOptions) => {
      const response = await inject(options);
      responses.push(`${response.statusCode} ${JSON.stringify(response.headers)}\n${response.body}`);
      return response;
    }) as typeof goalpost.app.inject;

    const { session, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@acme.test",
      orgName: "Acme",
    });
    const connection = (body: Record<string, unknown>) => ({
      name: `Jira ${Math.random()}`,
      baseUrl: jira.url,
      sharing: { kind: "org" },
      ...body,
    });
    const refused = await session.post(
      `/api/v1/orgs/${orgId}/jira/connections`,
      connection({ email: ADA.email, apiToken: WRONG_TOKEN }),
    );
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    const created = await session.post(
      `/api/v1/orgs/${orgId}/jira/connections`,
      connection({ email: ADA.email, apiToken: ADA.token }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const connectionId = created.json().id as string;
    // Rotate the token to another account's, and try a wrong one (refused, the stored one stays).
    expect(
      (
        await session.patch(`/api/v1/jira/connections/${connectionId}`, {
          email: BEA.email,
          apiToken: BEA.token,
        })
      ).statusCode,
    ).toBe(200);
    const rotatedWrong = await session.patch(`/api/v1/jira/connections/${connectionId}`, {
      apiToken: WRONG_TOKEN,
    });
    expect(rotatedWrong.statusCode).toBeGreaterThanOrEqual(400);
    for (const url of [
      `/api/v1/orgs/${orgId}/jira/connections`,
      `/api/v1/jira/connections/${connectionId}`,
      `/api/v1/jira/connections/${connectionId}/fields`,
      `/api/v1/jira/connections/${connectionId}/webhook`,
    ]) {
      expect((await session.get(url)).statusCode, url).toBe(200);
    }
    expect((await session.post(`/api/v1/jira/connections/${connectionId}/test`, {})).statusCode).toBe(200);
    expect(
      (await session.post(`/api/v1/jira/connections/${connectionId}/jql/check`, { jql: "project = NOPE(" }))
        .statusCode,
    ).toBeLessThan(500);

    // A Jira-linked key result, refreshed while the token works and after it is revoked (an error state).
    const periodId = (await session.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0].id as string;
    const objective = await session.post(`/api/v1/orgs/${orgId}/objectives`, { title: "Ship", periodId });
    const keyResult = await session.post(`/api/v1/objectives/${objective.json().id}/key-results`, {
      title: "Epic done",
      measure: { kind: "percent" },
      dataSource: { kind: "jira", connectionId, jql: EPIC, metric: "count" },
    });
    expect(keyResult.statusCode, keyResult.body).toBe(201);
    const keyResultId = keyResult.json().id as string;
    expect((await session.post(`/api/v1/key-results/${keyResultId}/refresh`, {})).statusCode).toBe(200);
    jira.admin.setFaults({ revokedUsers: [BEA.email] });
    expect((await session.post(`/api/v1/key-results/${keyResultId}/refresh`, {})).statusCode).toBeLessThan(
      500,
    );
    expect((await session.post(`/api/v1/jira/connections/${connectionId}/test`, {})).statusCode).toBeLessThan(
      500,
    );
    jira.admin.clearFaults();
    await session.get(`/api/v1/key-results/${keyResultId}`);

    // A portfolio's own Jira integration.
    const portfolio = await session.post(`/api/v1/orgs/${orgId}/portfolios`, { name: "Launches" });
    const portfolioId = portfolio.json().id as string;
    const configured = await session.put(`/api/v1/portfolios/${portfolioId}/jira`, {
      baseUrl: jira.url,
      email: PORTFOLIO.email,
      apiToken: PORTFOLIO.token,
      projectKeys: ["AE"],
    });
    expect(configured.statusCode, configured.body).toBe(200);
    await session.post(`/api/v1/portfolios/${portfolioId}/jira/check`, {
      baseUrl: jira.url,
      email: PORTFOLIO.email,
      apiToken: WRONG_TOKEN,
    });
    await session.get(`/api/v1/portfolios/${portfolioId}/jira`);
    await session.post(`/api/v1/portfolios/${portfolioId}/jira/refresh`, {});

    // A personal API token: shown once, then used.
    const created2 = await session.post("/api/v1/me/tokens", { name: "CI" });
    personalToken = created2.json().token as string;
    expect(personalToken).toMatch(/^gp_/);
    const script = httpSession(goalpost.app, { bearer: personalToken });
    expect((await script.get("/api/v1/me")).statusCode).toBe(200);
    await script.get("/api/v1/me/tokens");
    // A wrong bearer token is refused without echoing it.
    await httpSession(goalpost.app, { bearer: `${personalToken}x` }).get("/api/v1/me");
  });
  afterAll(() => world?.close());

  it("stores Jira tokens only sealed: no column of any table holds one in plain text", async () => {
    const tables = (await goalpost.database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )) as unknown as { rows: { table_name: string }[] };
    expect(tables.rows.length).toBeGreaterThan(10);
    for (const { table_name } of tables.rows) {
      const dump = (await goalpost.database.db.execute(
        sql`select coalesce(json_agg(t)::text, '') as rows from ${sql.identifier(table_name)} t`,
      )) as unknown as { rows: { rows: string }[] };
      const text = dump.rows[0]?.rows ?? "";
      for (const [email, token] of [
        [ADA.email, ADA.token],
        [BEA.email, BEA.token],
        [PORTFOLIO.email, PORTFOLIO.token],
        [ADA.email, WRONG_TOKEN],
      ] as const) {
        for (const form of leakForms(email, token)) expect(text, table_name).not.toContain(form);
      }
      expect(text, table_name).not.toContain(personalToken);
    }
    // The sealed values open, with the key, to the tokens saved last.
    // A portfolio's own Jira configuration is a connection owned by the portfolio (portfolio_id set).
    const connections = await goalpost.database.db.select().from(jiraConnections);
    const orgConnection = connections.find((row) => row.portfolioId === null);
    expect(orgConnection && goalpost.box.open(orgConnection.apiTokenSealed)).toBe(BEA.token);
    const [config] = await goalpost.database.db.select().from(portfolioJiraConfigs);
    const portfolioConnection = connections.find((row) => row.id === config?.connectionId);
    expect(portfolioConnection?.portfolioId).toBe(config?.portfolioId);
    expect(portfolioConnection && goalpost.box.open(portfolioConnection.apiTokenSealed)).toBe(
      PORTFOLIO.token,
    );
  });

  it("stores personal API tokens only hashed", async () => {
    const rows = await goalpost.database.db.select().from(apiTokens);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(personalToken);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$|^[A-Za-z0-9_-]{43}=?$/);
  });

  it("never shows a Jira token in a response, a header, an error body or a log line", () => {
    expect(responses.length).toBeGreaterThan(25);
    expect(logLines.length).toBeGreaterThan(25);
    const responseText = responses.join("\n");
    const logText = logLines.join("");
    for (const token of JIRA_SECRETS) {
      for (const email of [ADA.email, BEA.email, PORTFOLIO.email]) {
        for (const form of leakForms(email, token)) {
          expect(responseText).not.toContain(form);
          expect(logText).not.toContain(form);
        }
      }
    }
    // The personal token is in exactly one answer (its creation) and no log line.
    expect(responses.filter((r) => r.includes(personalToken))).toHaveLength(1);
    expect(logText).not.toContain(personalToken);
  });

  it("describes tokens as write-only in the OpenAPI document: no response schema has a secret field", async () => {
    const document = (await goalpost.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const text = JSON.stringify(document);
    for (const token of [...JIRA_SECRETS, personalToken]) expect(text).not.toContain(token);
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const responsesText = JSON.stringify(operation.responses ?? {});
        expect(responsesText, `${method} ${route}`).not.toMatch(
          /"(apiToken|personalAccessToken|password|apiTokenSealed|tokenHash)"/,
        );
      }
    }
  });

  it("keeps secrets out of the browser bundle: the web app reads no secret-looking setting", async () => {
    const sources = (await filesUnder(path.join(WEB_ROOT, "src"))).filter((f) => /\.(ts|tsx)$/.test(f));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const text = await readFile(file, "utf8");
      // The web app is configured by nothing at build time: no process.env, no VITE_* setting baked in.
      expect(text, file).not.toMatch(/process\.env|import\.meta\.env\.(?!DEV\b|PROD\b|MODE\b|BASE_URL\b)/);
      expect(text, file).not.toMatch(/SECRETS_KEY|METRICS_TOKEN|DATABASE_URL/);
    }
    // A build, when there is one, holds no server setting either (and no token of this test, trivially).
    for (const file of await filesUnder(path.join(WEB_ROOT, "dist"))) {
      if (!/\.(js|html|css|map|json)$/.test(file)) continue;
      const text = await readFile(file, "utf8");
      expect(text, file).not.toMatch(/SECRETS_KEY|METRICS_TOKEN|DATABASE_URL|postgres:\/\//);
    }
  });
});
