import type { JiraEmulator } from "@goalpost/jira-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type CredentialSink, startCredentialSink } from "../testing/credential-sink.ts";
import { type HttpSession, joinOrg } from "../testing/http-session.ts";
import { type JiraWorld, startJiraWorld } from "../testing/jira-world.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const MEMBER_TOKEN = "bob-private-jira-token-9d2a71";
const MEMBER_EMAIL = "bob@example.com";

describe.each(TEST_ENGINES)("a saved Jira token only ever goes to its own site, on %s", (engine) => {
  let world: JiraWorld;
  let jira: JiraEmulator;
  let sink: CredentialSink;
  let goalpost: Goalpost;
  let admin: HttpSession;
  let bob: HttpSession;
  let orgId: string;

  beforeAll(async () => {
    sink = await startCredentialSink();
    world = await startJiraWorld(engine, {
      emulator: { users: [{ email: MEMBER_EMAIL, token: MEMBER_TOKEN }] },
      allowHosts: [new URL(sink.url).host],
      jira: { timeoutMs: 3000, retry: { maxAttempts: 1 } },
      connection: false,
    });
    ({ jira, goalpost } = world);
    ({ session: admin, orgId } = world.admin);
    ({ session: bob } = await joinOrg(goalpost.app, admin, orgId, { name: "Bob", email: "bob@acme.test" }));
  });
  afterAll(async () => {
    await world?.close();
    await sink?.close();
  });

  it("refuses to re-point a member's connection to another site without the token, sending nothing there", async () => {
    const created = await bob.post(`/api/v1/orgs/${orgId}/jira/connections`, {
      name: "Bob's Jira",
      baseUrl: jira.url,
      email: MEMBER_EMAIL,
      apiToken: MEMBER_TOKEN,
      sharing: { kind: "org" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    // The org admin may manage the connection, but not harvest its token.
    const moved = await admin.patch(`/api/v1/jira/connections/${id}`, { baseUrl: sink.url });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error).toMatchObject({
      code: "validation_failed",
      details: { fields: { apiToken: "required for a new site" } },
    });
    const alsoEmail = await admin.patch(`/api/v1/jira/connections/${id}`, {
      baseUrl: `${sink.url}/`,
      email: "other@example.com",
    });
    expect(alsoEmail.statusCode).toBe(400);
    expect(sink.seen).toEqual([]);
    expect((await admin.get(`/api/v1/jira/connections/${id}`)).json().baseUrl).toBe(jira.url);

    // Same site (a trailing slash) still re-tests with the saved token; a new site with its token is tested there.
    const sameSite = await admin.patch(`/api/v1/jira/connections/${id}`, { baseUrl: `${jira.url}/` });
    expect(sameSite.statusCode, sameSite.body).toBe(200);
    const withToken = await admin.patch(`/api/v1/jira/connections/${id}`, {
      baseUrl: sink.url,
      apiToken: "a-token-the-admin-knows",
    });
    expect(withToken.statusCode).toBe(422);
    expect(sink.seen.length).toBeGreaterThan(0);
    expect(sink.seen.join(" ")).not.toContain(
      Buffer.from(`${MEMBER_EMAIL}:${MEMBER_TOKEN}`).toString("base64"),
    );
    expect(sink.seen.join(" ")).not.toContain(MEMBER_TOKEN);
  });

  it("refuses a portfolio's check and save of another site without the token, sending nothing there", async () => {
    sink.seen.length = 0;
    const portfolio = await bob.post(`/api/v1/orgs/${orgId}/portfolios`, { name: "Launches" });
    expect(portfolio.statusCode, portfolio.body).toBe(201);
    const url = `/api/v1/portfolios/${portfolio.json().id}/jira`;
    const saved = await bob.put(url, { baseUrl: jira.url, email: MEMBER_EMAIL, apiToken: MEMBER_TOKEN });
    expect(saved.statusCode, saved.body).toBe(200);

    for (const [method, path] of [
      ["post", `${url}/check`],
      ["put", url],
    ] as const) {
      const response = await bob[method](path, { baseUrl: sink.url, email: MEMBER_EMAIL });
      expect(response.statusCode, `${method} ${path}`).toBe(400);
      expect(response.json().error.details.fields.apiToken).toBe("required for a new site");
    }
    expect(sink.seen).toEqual([]);
    expect((await bob.get(url)).json().baseUrl).toBe(jira.url);
    const sameSite = await bob.post(`${url}/check`, { baseUrl: jira.url, email: MEMBER_EMAIL });
    expect(sameSite.statusCode, sameSite.body).toBe(200);
  });
});
