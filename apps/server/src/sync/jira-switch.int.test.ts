import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobContext, JobDefinition } from "../jobs/define-job.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import {
  ADMIN_JIRA,
  createPortfolioWithInitiative,
  type PortfolioWorld,
  startPortfolioWorld,
} from "../portfolios/portfolio-fixture.ts";
import { insertObjective } from "../testing/okr-rows.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import { scheduleSyncsJob } from "./schedule-syncs.job.ts";
import { syncConnectionJob } from "./sync-connection.job.ts";
import { syncQueryJob } from "./sync-query.job.ts";

const JQL = '"Epic Link" = AE-786';

/** Runs a job's handler as the queue does (the run as its third argument). */
function runJob<Payload>(job: JobDefinition<Payload>, payload: Payload, context: JobContext): Promise<void> {
  const handler = job.handler as (
    p: Payload,
    c: JobContext,
    run: { id: string; retryCount: number },
  ) => Promise<void>;
  return handler(payload, context, { id: `switch-${Math.random()}`, retryCount: 0 });
}

/**
 * The org's Jira switch stops every read of Jira: with it off, no path — the scheduled key-result sync, the
 * scheduled portfolio sync, refreshes, edits, the portfolio wizard, connection checks — sends Jira a single
 * request (the emulator's request log stays empty). Switched back on, the same paths read Jira again.
 */
describe.each(TEST_ENGINES)("the org's Jira switch on %s", (engine) => {
  let world: PortfolioWorld;
  let connectionId: string;
  let keyResultId: string;
  let objectiveId: string;
  let portfolioId: string;
  /** The portfolio's own connection: its epics sync through the one engine. */
  let portfolioConnectionId: string;
  let initiativeId: string;
  /** Jobs the schedulers enqueued (the queue is replaced so the test runs them itself). */
  const enqueued: { name: string; payload: unknown }[] = [];
  let context: JobContext;

  const toggle = async (enabled: boolean) => {
    const response = await world.ada.session.put(`/api/v1/orgs/${world.acmeId}/integrations/jira`, {
      enabled,
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    world = await startPortfolioWorld(engine);
    const { ada, goalpost } = world;
    const connection = await ada.session.post(`/api/v1/orgs/${world.acmeId}/jira/connections`, {
      name: "Acme Jira",
      baseUrl: world.jira.url,
      email: ADMIN_JIRA.email,
      apiToken: ADMIN_JIRA.token,
      sharing: { kind: "org" },
    });
    expect(connection.statusCode, connection.body).toBe(201);
    connectionId = connection.json().id;
    objectiveId = await insertObjective(goalpost.database.db, { orgId: world.acmeId });
    const kr = await ada.session.post(`/api/v1/objectives/${objectiveId}/key-results`, {
      title: "Ship Email Campaigns",
      measure: { kind: "percent" },
      dataSource: { kind: "jira", connectionId, jql: JQL, metric: "count" },
    });
    expect(kr.statusCode, kr.body).toBe(201);
    keyResultId = kr.json().id;
    expect((await ada.session.post(`/api/v1/key-results/${keyResultId}/refresh`)).statusCode).toBe(200);
    ({ portfolioId, initiativeId } = await createPortfolioWithInitiative(world, ada.session, "Switch"));
    const saved = await ada.session.put(
      `/api/v1/portfolios/${portfolioId}/jira`,
      world.jiraBody({ projectKeys: ["AE"] }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    portfolioConnectionId = saved.json().connection.id;
    expect(
      (await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-786" })).statusCode,
    ).toBe(201);
    const queue = {
      ...goalpost.queue,
      enqueue: async (job: { name: string }, payload: unknown) => {
        enqueued.push({ name: job.name, payload });
        return "id";
      },
    };
    context = { ...goalpost.jobContext, queue: queue as unknown as JobQueue };
  });
  afterAll(() => world?.close());

  it("while off, no path reads Jira; values stay, marked stale", async () => {
    const { ada, jira } = world;
    await toggle(false);
    jira.admin.clearRequestLog();
    try {
      // Scheduled: everything due long after the last sync.
      const later = new Date(Date.now() + 24 * 60 * 60_000);
      const laterContext = { ...context, now: () => later };
      await runJob(scheduleSyncsJob, {}, laterContext);
      await runJob(syncConnectionJob, { connectionId }, laterContext);
      await runJob(syncConnectionJob, { connectionId: portfolioConnectionId }, laterContext);
      // An edit's sync request.
      await runJob(syncQueryJob, { connectionId, jql: JQL }, context);
      expect(jira.admin.requestLog()).toEqual([]);

      const refused = [
        // Refresh.
        await ada.session.post(`/api/v1/key-results/${keyResultId}/refresh`),
        await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/refresh`),
        // Edits that would read Jira.
        await ada.session.patch(`/api/v1/key-results/${keyResultId}`, {
          dataSource: { kind: "jira", connectionId, jql: "project = AE", metric: "count" },
        }),
        await ada.session.patch(`/api/v1/jira/connections/${connectionId}`, { apiToken: ADMIN_JIRA.token }),
        // Connection checks.
        await ada.session.post(`/api/v1/jira/connections/${connectionId}/test`),
        await ada.session.get(`/api/v1/jira/connections/${connectionId}/fields?refresh=true`),
        await ada.session.post(`/api/v1/jira/connections/${connectionId}/jql/check`, { jql: JQL }),
        // The portfolio wizard and its pickers.
        await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/check`, world.jiraBody()),
        await ada.session.put(`/api/v1/portfolios/${portfolioId}/jira`, world.jiraBody()),
        await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/check`, { connectionId }),
        await ada.session.put(`/api/v1/portfolios/${portfolioId}/jira`, { connectionId }),
        await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira/available-projects`),
        await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/projects`, { keys: ["ATL"] }),
        await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira/epics`),
        await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-1" }),
      ];
      for (const response of refused) {
        expect(response.statusCode, response.body).toBe(409);
        expect(response.json().error.code).toBe("jira_integration_disabled");
      }
      // An edit that does not touch the data source is accepted, and reads nothing.
      const renamed = await ada.session.patch(`/api/v1/key-results/${keyResultId}`, { title: "Renamed" });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json().state).toMatchObject({ value: 3, stale: { code: "jira_integration_disabled" } });
      expect(jira.admin.requestLog()).toEqual([]);
      const epics = (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items;
      expect(epics[0]).toMatchObject({ key: "AE-786", progress: { byCount: { done: 3, total: 10 } } });
    } finally {
      await toggle(true);
    }
  });

  it("switched back on, the scheduled syncs read Jira again", async () => {
    const { jira } = world;
    jira.admin.clearRequestLog();
    await runJob(syncConnectionJob, { connectionId: portfolioConnectionId }, context);
    const afterPortfolio = jira.admin.requestLog().length;
    expect(afterPortfolio).toBeGreaterThan(0);
    await runJob(syncConnectionJob, { connectionId }, context);
    expect(jira.admin.requestLog().length).toBeGreaterThan(afterPortfolio);
  });
});
