import type { JiraEmulator } from "@goalpost/jira-emulator";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { capturedLogs } from "../testing/captured-logs.ts";
import { type HttpSession, joinOrg, signUpWithOrg } from "../testing/http-session.ts";
import { type JiraWorld, startJiraWorld } from "../testing/jira-world.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const TOKEN = "ada-secret-jira-token-4f1c9e";
const JIRA_EMAIL = "ada@example.com";

describe.each(TEST_ENGINES)("org Jira integration and connections on %s", (engine) => {
  let world: JiraWorld;
  let jira: JiraEmulator;
  let goalpost: Goalpost;
  let admin: HttpSession;
  let orgId: string;
  let bob: HttpSession;
  let bobId: string;
  let cid: HttpSession;
  let cidId: string;
  let outsider: HttpSession;
  const responses: string[] = [];
  let logLines: string[] = [];

  const connection = (over: Record<string, unknown> = {}) => ({
    name: "Acme Jira",
    baseUrl: jira.url,
    email: JIRA_EMAIL,
    apiToken: TOKEN,
    sharing: { kind: "org" },
    ...over,
  });
  async function record<T extends { body: string }>(response: Promise<T>): Promise<T> {
    const r = await response;
    responses.push(r.body);
    return r;
  }
  const join = (name: string, email: string) => joinOrg(goalpost.app, admin, orgId, { name, email });

  beforeAll(async () => {
    const logs = capturedLogs();
    logLines = logs.lines;
    world = await startJiraWorld(engine, {
      emulator: { users: [{ email: JIRA_EMAIL, token: TOKEN }] },
      logger: logs.logger,
      jira: { timeoutMs: 3000, retry: { maxAttempts: 1 } },
      connection: false,
    });
    ({ jira, goalpost } = world);
    ({ session: admin, orgId } = world.admin);
    ({ session: bob, id: bobId } = await join("Bob", "bob@acme.test"));
    ({ session: cid, id: cidId } = await join("Cid", "cid@acme.test"));
    ({ session: outsider } = await signUpWithOrg(goalpost.app, {
      name: "Eve",
      email: "eve@evil.test",
      orgName: "Evil",
    }));
  });
  afterEach(() => jira.admin.clearFaults());
  afterAll(() => world?.close());

  it("has the integration on by default and lets only admins switch it", async () => {
    expect((await bob.get(`/api/v1/orgs/${orgId}/integrations/jira`)).json()).toEqual({ enabled: true });
    expect((await bob.put(`/api/v1/orgs/${orgId}/integrations/jira`, { enabled: false })).statusCode).toBe(
      403,
    );
    expect((await outsider.get(`/api/v1/orgs/${orgId}/integrations/jira`)).statusCode).toBe(404);
  });

  it("creates a connection only once Jira accepts the token, and never shows or stores it in clear", async () => {
    const bad = await record(
      admin.post(`/api/v1/orgs/${orgId}/jira/connections`, connection({ apiToken: "wrong-token" })),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("jira_rejected");
    expect(bad.json().error.details.jira.length).toBeGreaterThan(0);
    expect(bad.body).not.toContain("wrong-token");

    const created = await record(admin.post(`/api/v1/orgs/${orgId}/jira/connections`, connection()));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: "Acme Jira",
      baseUrl: jira.url,
      email: JIRA_EMAIL,
      sharing: { kind: "org" },
      account: { accountId: expect.any(String) },
      serverTitle: "Jira",
      canManage: true,
    });
    expect(created.json()).not.toHaveProperty("apiToken");

    const rows = await goalpost.database.db.execute(sql`select * from jira_connections`);
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
  });

  it("shows each member only the connections shared with them; admins see all; other orgs get 404", async () => {
    const create = async (session: HttpSession, name: string, sharing: unknown) => {
      const response = await record(
        session.post(`/api/v1/orgs/${orgId}/jira/connections`, connection({ name, sharing })),
      );
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    const bobPrivate = await create(bob, "Bob private", { kind: "private" });
    const bobWithCid = await create(bob, "Bob with Cid", { kind: "members", userIds: [cidId] });
    const names = async (session: HttpSession) =>
      (await record(session.get(`/api/v1/orgs/${orgId}/jira/connections`)))
        .json()
        .items.map((c: { name: string }) => c.name);
    expect(await names(admin)).toEqual(["Acme Jira", "Bob private", "Bob with Cid"]);
    expect(await names(bob)).toEqual(["Acme Jira", "Bob private", "Bob with Cid"]);
    expect(await names(cid)).toEqual(["Acme Jira", "Bob with Cid"]);

    expect((await cid.get(`/api/v1/jira/connections/${bobPrivate}`)).statusCode).toBe(404);
    expect((await cid.post(`/api/v1/jira/connections/${bobPrivate}/test`)).statusCode).toBe(404);
    expect((await cid.get(`/api/v1/jira/connections/${bobWithCid}`)).json().canManage).toBe(false);
    expect((await cid.patch(`/api/v1/jira/connections/${bobWithCid}`, { name: "mine" })).statusCode).toBe(
      403,
    );
    expect((await cid.delete(`/api/v1/jira/connections/${bobWithCid}`)).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/jira/connections/${bobPrivate}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/jira/connections/${bobWithCid}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/orgs/${orgId}/jira/connections`)).statusCode).toBe(404);

    const unshare = await bob.patch(`/api/v1/jira/connections/${bobWithCid}`, {
      sharing: { kind: "private" },
    });
    expect(unshare.json().sharing).toEqual({ kind: "private" });
    expect(await names(cid)).toEqual(["Acme Jira"]);
    const share = await bob.patch(`/api/v1/jira/connections/${bobWithCid}`, {
      sharing: { kind: "members", userIds: [cidId, bobId] },
    });
    expect(share.json().sharing).toEqual({ kind: "members", userIds: [bobId, cidId].sort() });

    const stranger = await bob.patch(`/api/v1/jira/connections/${bobWithCid}`, {
      sharing: { kind: "members", userIds: ["no-such-user"] },
    });
    expect(stranger.statusCode).toBe(400);

    const page = await admin.get(`/api/v1/orgs/${orgId}/jira/connections?limit=2`);
    const next = await admin.get(
      `/api/v1/orgs/${orgId}/jira/connections?limit=2&cursor=${page.json().nextCursor}`,
    );
    expect(next.json().items.map((c: { name: string }) => c.name)).toEqual(["Bob with Cid"]);

    expect((await bob.delete(`/api/v1/jira/connections/${bobPrivate}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/jira/connections/${bobPrivate}`)).statusCode).toBe(404);
  });

  it("tests a connection and rotates its token only to one Jira accepts", async () => {
    const id = (await admin.get(`/api/v1/orgs/${orgId}/jira/connections`)).json().items[0].id;
    const tested = await record(bob.post(`/api/v1/jira/connections/${id}/test`));
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toEqual({
      ok: true,
      account: { accountId: expect.any(String), displayName: expect.any(String) },
      serverTitle: "Jira",
      deployment: "cloud",
    });

    const refused = await record(
      admin.patch(`/api/v1/jira/connections/${id}`, { apiToken: "rotated-but-wrong" }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).not.toContain("rotated-but-wrong");

    const rotatedToken = "ada-rotated-token-77b2";
    jira.admin.addAdmin({ email: "ops@example.com", token: rotatedToken });
    const rotated = await record(
      admin.patch(`/api/v1/jira/connections/${id}`, { email: "ops@example.com", apiToken: rotatedToken }),
    );
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().email).toBe("ops@example.com");
    expect((await admin.post(`/api/v1/jira/connections/${id}/test`)).statusCode).toBe(200);
    const rows = await goalpost.database.db.execute(sql`select * from jira_connections`);
    expect(JSON.stringify(rows)).not.toContain(rotatedToken);

    jira.admin.setFaults({ revokedUsers: ["ops@example.com"] });
    const revoked = await admin.post(`/api/v1/jira/connections/${id}/test`);
    expect(revoked.statusCode).toBe(422);
    expect(revoked.json().error.details.jiraKind).toBe("bad_credentials");
  });

  it("discovers story-point and numeric custom fields, cached until refreshed", async () => {
    const id = (await admin.get(`/api/v1/orgs/${orgId}/jira/connections`)).json().items[0].id;
    const first = await record(cid.get(`/api/v1/jira/connections/${id}/fields`));
    expect(first.statusCode).toBe(200);
    const ids = (list: { id: string }[]) => list.map((f) => f.id).sort();
    expect(ids(first.json().storyPointFields)).toEqual(["customfield_10016", "customfield_10026"]);
    expect(ids(first.json().numericFields)).toEqual(
      expect.arrayContaining([
        "customfield_10016",
        "customfield_10026",
        "customfield_10030",
        "customfield_10031",
      ]),
    );
    jira.admin.clearRequestLog();
    const cached = await cid.get(`/api/v1/jira/connections/${id}/fields`);
    expect(cached.json().fetchedAt).toBe(first.json().fetchedAt);
    expect(jira.admin.requestLog()).toEqual([]);
    const refreshed = await cid.get(`/api/v1/jira/connections/${id}/fields?refresh=true`);
    expect(refreshed.statusCode).toBe(200);
    expect(jira.admin.requestLog().map((r) => r.path)).toEqual(["/rest/api/3/field"]);
    expect(jira.admin.requestLog().every((r) => r.method === "GET")).toBe(true);
  });

  it("checks JQL with Jira's own messages, counts and previews matches", async () => {
    const id = (await admin.get(`/api/v1/orgs/${orgId}/jira/connections`)).json().items[0].id;
    const valid = await record(
      cid.post(`/api/v1/jira/connections/${id}/jql/check`, { jql: "parent = AE-786" }),
    );
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toMatchObject({ valid: true, errors: [], matchCount: 10 });
    expect(valid.json().preview).toHaveLength(5);
    expect(valid.json().preview[0]).toEqual({
      key: expect.stringMatching(/^AE-/),
      summary: expect.any(String),
    });

    const invalid = await cid.post(`/api/v1/jira/connections/${id}/jql/check`, { jql: "project = = AE" });
    expect(invalid.statusCode).toBe(200);
    expect(invalid.json()).toMatchObject({ valid: false, matchCount: null, preview: [] });
    expect(invalid.json().errors[0]).toMatch(/error in the JQL query|Expecting/i);

    expect((await cid.post(`/api/v1/jira/connections/${id}/jql/check`, { jql: "" })).statusCode).toBe(400);
  });

  it("maps Jira faults to 502, 504 and 429", async () => {
    const id = (await admin.get(`/api/v1/orgs/${orgId}/jira/connections`)).json().items[0].id;
    const test = () => record(admin.post(`/api/v1/jira/connections/${id}/test`));

    jira.admin.setFaults({ error503Rate: 1 });
    expect((await test()).statusCode).toBe(502);
    jira.admin.setFaults({ error503Rate: 0, error500Rate: 1 });
    expect((await test()).json().error.code).toBe("jira_unavailable");
    jira.admin.setFaults({ error500Rate: 0, resetRate: 1 });
    expect((await test()).statusCode).toBe(502);
    jira.admin.setFaults({ resetRate: 0, malformedJsonRate: 1 });
    expect((await test()).statusCode).toBe(502);
    jira.admin.setFaults({ malformedJsonRate: 0, hangRate: 1 });
    const hung = await test();
    expect(hung.statusCode).toBe(504);
    expect(hung.json().error.code).toBe("jira_timeout");
    jira.admin.setFaults({ hangRate: 0, rateLimitPerSecond: 1 });
    const limited = await test();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({
      code: "jira_rate_limited",
      details: { retryAfterSeconds: expect.any(Number) },
    });
  });

  it("refuses hostile input: private addresses, non-http URLs, unknown fields, huge JQL", async () => {
    const post = (body: unknown) => record(admin.post(`/api/v1/orgs/${orgId}/jira/connections`, body));
    const metadata = await post(connection({ baseUrl: "http://169.254.169.254" }));
    expect(metadata.statusCode).toBe(422);
    expect(metadata.json().error.code).toBe("jira_url_blocked");
    expect(metadata.json().error.message).toContain("JIRA_ALLOW_HOSTS");
    expect((await post(connection({ baseUrl: "file:///etc/passwd" }))).statusCode).toBe(400);
    expect((await post(connection({ baseUrl: `http://user:pw@${new URL(jira.url).host}` }))).statusCode).toBe(
      400,
    );
    expect((await post(connection({ apiTokenSealed: "x" }))).statusCode).toBe(400);
    expect((await post(connection({ sharing: { kind: "everyone" } }))).statusCode).toBe(400);
    expect((await post(connection({ name: " " }))).statusCode).toBe(400);
    const id = (await admin.get(`/api/v1/orgs/${orgId}/jira/connections`)).json().items[0].id;
    expect(
      (await admin.post(`/api/v1/jira/connections/${id}/jql/check`, { jql: "a".repeat(10_001) })).statusCode,
    ).toBe(400);
    expect((await admin.get(`/api/v1/jira/connections/${"x".repeat(101)}`)).statusCode).toBe(400);
    expect((await admin.get(`/api/v1/jira/connections/${id}/fields?refresh=maybe`)).statusCode).toBe(400);
  });

  it("stops connections from being used while the integration is off", async () => {
    const id = (await admin.get(`/api/v1/orgs/${orgId}/jira/connections`)).json().items[0].id;
    expect((await admin.put(`/api/v1/orgs/${orgId}/integrations/jira`, { enabled: false })).json()).toEqual({
      enabled: false,
    });
    for (const response of [
      await admin.post(`/api/v1/jira/connections/${id}/test`),
      await bob.get(`/api/v1/jira/connections/${id}/fields`),
      await bob.post(`/api/v1/jira/connections/${id}/jql/check`, { jql: "project = AE" }),
      await admin.post(`/api/v1/orgs/${orgId}/jira/connections`, connection()),
      await admin.patch(`/api/v1/jira/connections/${id}`, { apiToken: TOKEN }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe("jira_integration_disabled");
    }
    expect((await admin.patch(`/api/v1/jira/connections/${id}`, { name: "Renamed" })).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/orgs/${orgId}/jira/connections`)).statusCode).toBe(200);
    expect((await admin.put(`/api/v1/orgs/${orgId}/integrations/jira`, { enabled: true })).statusCode).toBe(
      200,
    );
    expect((await admin.post(`/api/v1/jira/connections/${id}/test`)).statusCode).toBe(200);
  });

  it("never put a token in any response or log line", () => {
    expect(responses.length).toBeGreaterThan(10);
    expect(logLines.length).toBeGreaterThan(10);
    for (const line of logLines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain("ada-rotated-token-77b2");
      expect(line).not.toContain("wrong-token");
    }
    for (const body of responses) {
      expect(body).not.toContain(TOKEN);
      expect(body).not.toContain("ada-rotated-token-77b2");
      expect(body).not.toMatch(/v1\.[\w-]{16}\.[\w-]{22}\./);
    }
  });
});
