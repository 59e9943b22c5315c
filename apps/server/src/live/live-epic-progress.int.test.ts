import { createJiraEmulator, type JiraEmulator } from "@goalpost/jira-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { syncConnection } from "../sync/sync-connection.ts";
import { type HttpSession, signUpWithOrg } from "../testing/http-session.ts";
import { jiraEditor } from "../testing/jira-writes.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const EMAIL = "ada@example.com";
const TOKEN = "ada-portfolio-live-token";

/**
 * A portfolio's Jira configuration is a connection, so its webhook covers the portfolio's epics: the
 * emulator's admin webhook delivers (through the app, as Jira would) and the epic's progress moves within
 * seconds — the hourly sync is not due during the test and the change probe is off, so nothing polls.
 */
describe.each(TEST_ENGINES)("live epic progress through the portfolio's connection on %s", (engine) => {
  let jira: JiraEmulator;
  let goalpost: Goalpost;
  let ada: HttpSession;
  let portfolioId: string;
  let initiativeId: string;
  let connectionId: string;
  const deliverThroughApp: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const response = await goalpost.app.inject({
      method: "POST",
      url: url.pathname,
      headers: init?.headers as Record<string, string>,
      payload: String(init?.body ?? ""),
    });
    return new Response(response.body, { status: response.statusCode });
  };
  const epicProgress = async () => {
    const epics = (await ada.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items;
    return epics[0]?.progress.byCount.done as number | undefined;
  };

  beforeAll(async () => {
    jira = await createJiraEmulator({
      dataset: { name: "demo" },
      users: [{ email: EMAIL, token: TOKEN }],
      listen: true,
      webhooks: { fetch: deliverThroughApp, retryDelayMs: 50, maxRetries: 1 },
    });
    goalpost = await startTestGoalpost(
      engine,
      { JIRA_ALLOW_HOSTS: new URL(jira.url).host, WORKERS: "inline", CHANGE_PROBE: "false" },
      undefined,
      { jira: { timeoutMs: 3000, retry: { maxAttempts: 1 } } },
    );
    let orgId: string;
    ({ session: ada, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@acme.test",
      orgName: "Acme",
    }));
    const portfolio = await ada.post(`/api/v1/orgs/${orgId}/portfolios`, { name: "Growth" });
    portfolioId = portfolio.json().id;
    const initiative = await ada.post(`/api/v1/portfolios/${portfolioId}/initiatives`, { title: "Launch" });
    initiativeId = initiative.json().id;
    const saved = await ada.put(`/api/v1/portfolios/${portfolioId}/jira`, {
      baseUrl: jira.url,
      email: EMAIL,
      apiToken: TOKEN,
      projectKeys: ["AE"],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    connectionId = saved.json().connection.id;
    expect((await ada.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-786" })).statusCode).toBe(
      201,
    );
    // One full sync now: the next scheduled one is an interval away, after the test.
    expect((await syncConnection(goalpost.jobContext, { connectionId })).outcome).toBe("synced");
    expect(await epicProgress()).toBe(3);
  });
  afterAll(async () => {
    await goalpost?.close();
    await jira?.close();
  });

  it("moves an epic's progress within seconds of a child moving to Done, without any poll", async () => {
    const webhook = await ada.get(`/api/v1/jira/connections/${connectionId}/webhook`);
    expect(webhook.statusCode, webhook.body).toBe(200);
    const { url, secret, jqlFilter } = webhook.json();
    expect(jqlFilter).toBe('project in ("AE")');
    const registered = await fetch(`${jira.url}/rest/webhooks/1.0/webhook`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        name: "Goalpost portfolio",
        url,
        events: ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"],
        filters: { "issue-related-events-section": jqlFilter },
        secret,
      }),
    });
    expect(registered.status).toBe(201);
    const story = [...jira.admin.store.issues.values()].find(
      (issue) =>
        issue.fields.customfield_10014 === "AE-786" &&
        (issue.fields.status as { statusCategory: { key: string } }).statusCategory.key !== "done",
    );
    expect(story).toBeDefined();
    await jiraEditor(jira).transition(String(story?.key), "Done");
    await expect.poll(epicProgress, { timeout: 20_000, interval: 100 }).toBe(4);
    const health = (await ada.get(`/api/v1/jira/connections/${connectionId}/webhook`)).json();
    expect(health).toMatchObject({ deliveries24h: 1, refused24h: 0, speed: "webhook" });
    const epic = (await ada.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items[0];
    expect(epic).toMatchObject({ key: "AE-786", progress: { byCount: { done: 4, total: 10 } }, stale: null });
  });
});
