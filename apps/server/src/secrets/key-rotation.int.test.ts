import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createJiraEmulator, type JiraEmulator } from "@goalpost/jira-emulator";
import { asc, isNotNull } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/load-config.ts";
import { jiraConnections } from "../db/schema/index.ts";
import { type Goalpost, startGoalpost } from "../start-goalpost.ts";
import { httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { SEALED_COLUMNS } from "./reseal-secrets.ts";

/**
 * `read` of every sealed value in the database (every row of every sealed column, in column then key order),
 * skipping empty ones: `portfolio_jira_configs.api_token_sealed` is kept from before migration 0011 and is
 * empty for newer configurations, whose token is in the portfolio's own connection (`jira_connections`).
 */
async function sealedValues(goalpost: Goalpost, read: (sealed: string) => string): Promise<string[]> {
  const values: string[] = [];
  for (const column of SEALED_COLUMNS) {
    const rows = (await goalpost.database.db
      .select({ sealed: column.sealed })
      .from(column.table)
      .where(isNotNull(column.sealed))
      .orderBy(asc(column.id))) as { sealed: string }[];
    for (const row of rows) values.push(read(row.sealed));
  }
  return values;
}

describe("rotating SECRETS_KEY", () => {
  let jira: JiraEmulator;
  let dataDir: string;
  const oldKey = randomBytes(32).toString("base64");
  const newKey = randomBytes(32).toString("base64");
  const boot = (env: Record<string, string>) =>
    startGoalpost(
      loadConfig({
        NODE_ENV: "test",
        DATA_DIR: dataDir,
        PUBLIC_URL: "http://goalpost.test",
        WORKERS: "off",
        JIRA_ALLOW_HOSTS: new URL(jira.url).host,
        ...env,
      }),
      { logger: pino({ level: "silent" }) },
    );

  beforeAll(async () => {
    jira = await createJiraEmulator({
      dataset: { name: "empty" },
      users: [{ email: "ada@example.com", token: "jira-t0ken" }],
      listen: true,
    });
    dataDir = await mkdtemp(path.join(tmpdir(), "gp-rotate-"));
  });
  afterAll(async () => {
    await jira?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  // Three boots of an on-disk embedded database: slow on a loaded machine.
  it("re-seals Jira tokens with the new key at boot; the old key is then no longer needed", {
    timeout: 180_000,
  }, async () => {
    let goalpost = await boot({ SECRETS_KEY: oldKey });
    const { session, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@acme.test",
      orgName: "Acme",
    });
    const created = await session.post(`/api/v1/orgs/${orgId}/jira/connections`, {
      name: "Acme",
      baseUrl: jira.url,
      email: "ada@example.com",
      apiToken: "jira-t0ken",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    // Every other kind of sealed value too: an invite, a portfolio's Jira token, a webhook secret.
    expect((await session.post(`/api/v1/orgs/${orgId}/invites`, { role: "member" })).statusCode).toBe(201);
    const portfolio = await session.post(`/api/v1/orgs/${orgId}/portfolios`, { name: "Launches" });
    const configured = await session.put(`/api/v1/portfolios/${portfolio.json().id}/jira`, {
      baseUrl: jira.url,
      email: "ada@example.com",
      apiToken: "jira-t0ken",
    });
    expect(configured.statusCode, configured.body).toBe(200);
    expect((await session.get(`/api/v1/jira/connections/${id}/webhook`)).statusCode).toBe(200);
    const sealedBefore = (await goalpost.database.db.select().from(jiraConnections))[0]?.apiTokenSealed;
    const plaintextsBefore = await sealedValues(goalpost, (sealed) => goalpost.box.open(sealed));
    // Two connections (the org's and the portfolio's own), an invite, a webhook secret.
    expect(plaintextsBefore).toHaveLength(4);
    expect(plaintextsBefore).toContain("jira-t0ken");
    await goalpost.close();

    // Without the old key the token cannot be opened: the server says so instead of calling Jira.
    goalpost = await boot({ SECRETS_KEY: newKey, SECRETS_KEY_PREVIOUS: oldKey });
    const sealedAfter = (await goalpost.database.db.select().from(jiraConnections))[0]?.apiTokenSealed;
    expect(sealedAfter).not.toBe(sealedBefore);
    // Every sealed column was re-sealed with the new key, to the same secrets.
    const current = goalpost;
    expect(await sealedValues(current, (sealed) => String(current.box.isStale(sealed)))).toEqual(
      plaintextsBefore.map(() => "false"),
    );
    expect(await sealedValues(current, (sealed) => current.box.open(sealed))).toEqual(plaintextsBefore);
    await goalpost.close();

    goalpost = await boot({ SECRETS_KEY: newKey });
    const { session: again } = await signUpWithOrg(goalpost.app, {
      name: "Bo",
      email: "bo@other.test",
      orgName: "Other",
    });
    expect(again).toBeDefined();
    // Sessions are signed with a key derived from the master key: people sign in again after a rotation.
    const signIn = httpSession(goalpost.app);
    const signedIn = await signIn.post("/api/auth/sign-in/email", {
      email: "ada@acme.test",
      password: "correct horse battery",
    });
    expect(signedIn.statusCode).toBe(200);
    const tested = await signIn.post(`/api/v1/jira/connections/${id}/test`, {});
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toMatchObject({ ok: true });
    await goalpost.close();
  });
});
