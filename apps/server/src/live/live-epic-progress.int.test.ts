import type { JiraEmulator } from "@goalpost/jira-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncConnection } from "../sync/sync-connection.ts";
import type { HttpSession } from "../testing/http-session.ts";
import { engineDeploymentPairs } from "../testing/jira-deployments.ts";
import { type JiraWorld, startJiraWorld } from "../testing/jira-world.ts";
import { jiraEditor } from "../testing/jira-writes.ts";
import { countJobs, deliverIssueUpdated, liveQueueIdle } from "../testing/live-webhook.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

/**
 * A portfolio's Jira configuration is a connection, so its webhook covers the portfolio's epics: the
 * emulator's admin webhook delivers (through the app, as Jira would) and the epic's progress moves within
 * seconds — the hourly sync is not due during the test and the change probe is off, so nothing polls.
 */
describe.each(engineDeploymentPairs(TEST_ENGINES))(
  "live epic progress through the portfolio's connection on %s, %s",
  (engine, _, dep) => {
    let world: JiraWorld;
    let jira: JiraEmulator;
    let ada: HttpSession;
    let portfolioId: string;
    let initiativeId: string;
    let connectionId: string;
    const epicProgress = async () => {
      const epics = (await ada.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items;
      return epics[0]?.progress.byCount.done as number | undefined;
    };

    beforeAll(async () => {
      world = await startJiraWorld(engine, {
        deployment: dep,
        webhooksThroughApp: true,
        env: { WORKERS: "inline", CHANGE_PROBE: "false" },
        jira: { timeoutMs: 3000, retry: { maxAttempts: 1 } },
        connection: false,
      });
      jira = world.jira;
      const { orgId } = world.admin;
      ada = world.admin.session;
      const portfolio = await ada.post(`/api/v1/orgs/${orgId}/portfolios`, { name: "Growth" });
      portfolioId = portfolio.json().id;
      const initiative = await ada.post(`/api/v1/portfolios/${portfolioId}/initiatives`, { title: "Launch" });
      initiativeId = initiative.json().id;
      const saved = await ada.put(
        `/api/v1/portfolios/${portfolioId}/jira`,
        world.connectionBody({ projectKeys: ["AE"] }),
      );
      expect(saved.statusCode, saved.body).toBe(200);
      connectionId = saved.json().connection.id;
      expect(
        (await ada.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-786" })).statusCode,
      ).toBe(201);
      // One full sync now: the next scheduled one is an interval away, after the test.
      expect((await syncConnection(world.goalpost.jobContext, { connectionId })).outcome).toBe("synced");
      expect(await epicProgress()).toBe(3);
    });
    afterAll(() => world?.close());

    it("moves an epic's progress within seconds of a child moving to Done, without any poll", async () => {
      const webhook = await ada.get(`/api/v1/jira/connections/${connectionId}/webhook`);
      expect(webhook.statusCode, webhook.body).toBe(200);
      const { url, secret, jqlFilter } = webhook.json();
      expect(jqlFilter).toBe('project in ("AE")');
      await jiraEditor(jira, world.jiraUser).registerWebhook({
        name: "Goalpost portfolio",
        url,
        secret,
        jqlFilter,
      });
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
      expect(epic).toMatchObject({
        key: "AE-786",
        progress: { byCount: { done: 4, total: 10 } },
        stale: null,
      });
    });

    it("does not read a deleted epic again for a change outside its project", async () => {
      const dana = jiraEditor(jira);
      const doomed = await dana.createIssue({
        project: { key: "AE" },
        issuetype: { name: "Epic" },
        summary: "Retired campaign",
      });
      const other = await ada.post(`/api/v1/portfolios/${portfolioId}/initiatives`, { title: "Retire" });
      const otherId = other.json().id;
      expect((await ada.post(`/api/v1/initiatives/${otherId}/epics`, { key: doomed })).statusCode).toBe(201);
      await dana.deleteIssue(doomed);
      expect((await syncConnection(world.goalpost.jobContext, { connectionId })).outcome).toBe("synced");
      const gone = (await ada.get(`/api/v1/initiatives/${otherId}/epics`)).json().items[0];
      expect(gone.stale).toMatchObject({ code: "jira_epic_not_found" });

      const accountId = (await ada.get(`/api/v1/jira/connections/${connectionId}`)).json().account.accountId;
      const { db } = world.goalpost.database;
      await expect.poll(() => liveQueueIdle(db), { timeout: 20_000 }).toBe(true);
      const live = await countJobs(db, ["live-sync"], ["completed"]);
      jira.admin.clearRequestLog();
      const response = await deliverIssueUpdated(world.goalpost, {
        session: ada,
        connectionId,
        issue: { id: "990002", key: "BEA-990002" },
      });
      expect(response.json()).toEqual({ outcome: "accepted" });
      await expect
        .poll(() => countJobs(db, ["live-sync"], ["completed"]), { timeout: 20_000 })
        .toBe(live + 1);
      expect(jira.admin.requestLog().filter((entry) => entry.accountId === accountId)).toHaveLength(0);
    });
  },
);
