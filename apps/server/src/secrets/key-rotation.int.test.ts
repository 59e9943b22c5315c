import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createJiraEmulator, type JiraEmulator } from "@goalpost/jira-emulator";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/load-config.ts";
import { jiraConnections } from "../db/schema/index.ts";
import { startGoalpost } from "../start-goalpost.ts";
import { httpSession, signUpWithOrg } from "../testing/http-session.ts";

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
    const sealedBefore = (await goalpost.database.db.select().from(jiraConnections))[0]?.apiTokenSealed;
    await goalpost.close();

    // Without the old key the token cannot be opened: the server says so instead of calling Jira.
    goalpost = await boot({ SECRETS_KEY: newKey, SECRETS_KEY_PREVIOUS: oldKey });
    const sealedAfter = (await goalpost.database.db.select().from(jiraConnections))[0]?.apiTokenSealed;
    expect(sealedAfter).not.toBe(sealedBefore);
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
