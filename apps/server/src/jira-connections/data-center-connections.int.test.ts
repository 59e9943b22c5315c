import { createJiraEmulator, type JiraEmulator } from "@goalpost/jira-emulator";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { capturedLogs } from "../testing/captured-logs.ts";
import { type CredentialSink, startCredentialSink } from "../testing/credential-sink.ts";
import type { HttpSession } from "../testing/http-session.ts";
import { DATA_CENTER } from "../testing/jira-deployments.ts";
import { type JiraWorld, startJiraWorld } from "../testing/jira-world.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const EMAIL = "ada@example.com";
const PAT = "ada-data-center-pat-7c1e55";
const CLOUD_TOKEN = "ada-cloud-api-token-2b9f01";

describe.each(TEST_ENGINES)("Jira Data Center connections on %s", (engine) => {
  let world: JiraWorld;
  let dc: JiraEmulator;
  let cloud: JiraEmulator;
  let sink: CredentialSink;
  let goalpost: Goalpost;
  let admin: HttpSession;
  let orgId: string;
  let logLines: string[] = [];
  const responses: string[] = [];

  const create = async (body: Record<string, unknown>) => {
    const response = await admin.post(`/api/v1/orgs/${orgId}/jira/connections`, {
      name: "Jira",
      sharing: { kind: "org" },
      ...body,
    });
    responses.push(response.body);
    return response;
  };

  beforeAll(async () => {
    sink = await startCredentialSink();
    cloud = await createJiraEmulator({
      dataset: { name: "empty" },
      users: [{ email: EMAIL, token: CLOUD_TOKEN }],
      listen: true,
    });
    const logs = capturedLogs();
    logLines = logs.lines;
    world = await startJiraWorld(engine, {
      deployment: DATA_CENTER,
      emulator: { users: [{ email: EMAIL, token: PAT }] },
      allowHosts: [cloud.url, sink.url].map((url) => new URL(url).host),
      logger: logs.logger,
      jira: { timeoutMs: 3000, retry: { maxAttempts: 1 } },
      connection: false,
    });
    ({ jira: dc, goalpost } = world);
    ({ session: admin, orgId } = world.admin);
  });
  afterAll(async () => {
    await world?.close();
    await cloud?.close();
    await sink?.close();
  });

  it("creates a Data Center connection with a personal access token, sealed and never shown", async () => {
    const created = await create({ baseUrl: dc.url, deployment: "dataCenter", personalAccessToken: PAT });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      deployment: "dataCenter",
      email: "",
      account: { accountId: expect.any(String), displayName: expect.any(String) },
      serverTitle: "Jira",
    });
    expect(created.json()).not.toHaveProperty("personalAccessToken");
    const rows = await goalpost.database.db.execute(sql`select * from jira_connections`);
    expect(JSON.stringify(rows)).not.toContain(PAT);
    const id = created.json().id as string;

    const tested = await admin.post(`/api/v1/jira/connections/${id}/test`);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json()).toMatchObject({ ok: true, deployment: "dataCenter", serverTitle: "Jira" });
    const fields = await admin.get(`/api/v1/jira/connections/${id}/fields`);
    expect(fields.statusCode, fields.body).toBe(200);
    expect(JSON.stringify(fields.json())).toContain("Story Points");

    const check = await admin.post(`/api/v1/jira/connections/${id}/jql/check`, {
      jql: '"Epic Link" = AE-786',
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ valid: true, matchCount: 10 });
    const invalid = await admin.post(`/api/v1/jira/connections/${id}/jql/check`, { jql: "project = AE AND" });
    expect(invalid.json().valid).toBe(false);
    // Only REST v2, only with the PAT as a bearer token (the anonymous serverInfo aside).
    expect(dc.admin.requestLog().every((r) => r.path.startsWith("/rest/api/2/"))).toBe(true);
  });

  it("existing and e-mail connections are Cloud ones", async () => {
    const created = await create({ baseUrl: cloud.url, email: EMAIL, apiToken: CLOUD_TOKEN });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().deployment).toBe("cloud");
    const tested = await admin.post(`/api/v1/jira/connections/${created.json().id}/test`);
    expect(tested.json()).toMatchObject({ ok: true, deployment: "cloud" });
  });

  it("names the mismatch when a PAT is set up for a Cloud site, or an e-mail and API token for Data Center", async () => {
    dc.admin.clearRequestLog();
    const patOnCloud = await create({
      baseUrl: cloud.url,
      deployment: "dataCenter",
      personalAccessToken: PAT,
    });
    expect(patOnCloud.statusCode).toBe(400);
    expect(patOnCloud.json().error.code).toBe("validation_failed");
    expect(patOnCloud.json().error.message).toMatch(/This site is Jira Cloud.*set up for Jira Data Center/);
    expect(patOnCloud.json().error.details.detectedDeployment).toBe("cloud");

    const tokenOnDc = await create({ baseUrl: dc.url, email: EMAIL, apiToken: PAT });
    expect(tokenOnDc.statusCode).toBe(400);
    expect(tokenOnDc.json().error.message).toMatch(/This site is Jira Data Center.*personal access token/);
    // The site was asked what it is, anonymously: the secret never left for the wrong kind of Jira.
    expect(dc.admin.requestLog().every((r) => r.accountId === undefined)).toBe(true);
  });

  it("refuses bodies that mix the two kinds of credentials", async () => {
    for (const body of [
      { baseUrl: dc.url, deployment: "dataCenter" },
      { baseUrl: dc.url, deployment: "dataCenter", personalAccessToken: PAT, apiToken: "x" },
      { baseUrl: dc.url, deployment: "dataCenter", personalAccessToken: PAT, email: EMAIL },
      { baseUrl: cloud.url, email: EMAIL, apiToken: CLOUD_TOKEN, personalAccessToken: PAT },
      { baseUrl: cloud.url, email: EMAIL },
    ]) {
      const response = await create(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
  });

  it("rotates the PAT only to one Jira accepts, and refuses Cloud credentials on a Data Center connection", async () => {
    const created = await create({ baseUrl: dc.url, deployment: "dataCenter", personalAccessToken: PAT });
    const id = created.json().id as string;
    const wrong = await admin.patch(`/api/v1/jira/connections/${id}`, {
      personalAccessToken: "rotated-but-wrong",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe("jira_rejected");
    expect(wrong.body).not.toContain("rotated-but-wrong");
    const right = await admin.patch(`/api/v1/jira/connections/${id}`, { personalAccessToken: PAT });
    expect(right.statusCode, right.body).toBe(200);
    const cloudToken = await admin.patch(`/api/v1/jira/connections/${id}`, { apiToken: CLOUD_TOKEN });
    expect(cloudToken.statusCode).toBe(400);
    const email = await admin.patch(`/api/v1/jira/connections/${id}`, { email: EMAIL });
    expect(email.statusCode).toBe(400);
  });

  it("sends a saved PAT only to its own site", async () => {
    const created = await create({ baseUrl: dc.url, deployment: "dataCenter", personalAccessToken: PAT });
    const id = created.json().id as string;
    const moved = await admin.patch(`/api/v1/jira/connections/${id}`, { baseUrl: sink.url });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details.fields).toEqual({ personalAccessToken: "required for a new site" });
    expect(sink.seen).toEqual([]);
    const sameSite = await admin.patch(`/api/v1/jira/connections/${id}`, { baseUrl: `${dc.url}/` });
    expect(sameSite.statusCode, sameSite.body).toBe(200);
    const withToken = await admin.patch(`/api/v1/jira/connections/${id}`, {
      baseUrl: sink.url,
      personalAccessToken: "a-token-the-admin-knows",
    });
    expect(withToken.statusCode).toBe(422);
    expect(sink.seen.join(" ")).not.toContain(PAT);
  });

  it("never logs or answers with a personal access token", () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join("\n")).not.toContain(PAT);
    expect(responses.join("\n")).not.toContain(PAT);
  });
});
