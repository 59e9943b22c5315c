import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { JobContext, JobDefinition } from "../jobs/define-job.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { FIRST_RETRY_MS } from "../sync/next-due.ts";
import { scheduleSyncsJob } from "../sync/schedule-syncs.job.ts";
import { syncConnectionJob } from "../sync/sync-connection.job.ts";
import { SYNC_OUTCOMES } from "../sync/sync-outcome.ts";
import { engineDeploymentPairs } from "../testing/jira-deployments.ts";
import { jiraEditor } from "../testing/jira-writes.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import {
  ADMIN_JIRA,
  createPortfolioWithInitiative,
  PAT_JIRA,
  type PortfolioWorld,
  startPortfolioWorld,
} from "./portfolio-fixture.ts";

/**
 * Runs a job's handler as the queue does, with the run (id, retries) as the queue's third argument: handlers
 * that do not read it simply ignore it.
 */
function runJob<Payload>(job: JobDefinition<Payload>, payload: Payload, context: JobContext): Promise<void> {
  const handler = job.handler as (
    p: Payload,
    c: JobContext,
    run: { id: string; retryCount: number },
  ) => Promise<void>;
  return handler(payload, context, { id: "test-run", retryCount: 0 });
}

describe.each(engineDeploymentPairs(TEST_ENGINES))(
  "linked projects, token rotation and scheduled syncs on %s, %s",
  (engine, _, dep) => {
    let world: PortfolioWorld;

    beforeAll(async () => {
      world = await startPortfolioWorld(engine, dep);
      const admin = jiraEditor(world.jira, ADMIN_JIRA);
      for (let i = 1; i <= 15; i += 1) await admin.createProject(`LIM${i}`, `Limit ${i}`);
    });
    afterEach(() => world.jira.admin.clearFaults());
    afterAll(() => world?.close());

    it("links at most 20 projects, refusing the 21st with the counts, and only projects the token sees", async () => {
      const { ada } = world;
      const { portfolioId } = await createPortfolioWithInitiative(world, ada.session, "Limits");
      const url = `/api/v1/portfolios/${portfolioId}/jira`;
      const limitKeys = Array.from({ length: 15 }, (_, i) => `LIM${i + 1}`);
      const tooMany = await ada.session.put(
        url,
        world.jiraBody({ projectKeys: [...limitKeys, "AE", "ATL", "BEA", "COM", "DEL", "EMB"] }),
      );
      expect(tooMany.statusCode).toBe(409);
      expect(tooMany.json().error.message).toMatch(/at most 20 Jira projects/);
      expect((await ada.session.get(url)).statusCode).toBe(404);
      expect(
        (await ada.session.put(url, world.jiraBody({ projectKeys: limitKeys }))).json().projectCount,
      ).toBe(15);
      const five = await ada.session.post(`${url}/projects`, { keys: ["AE", "ATL", "BEA", "COM", "DEL"] });
      expect(five.json().items).toHaveLength(20);
      const again = await ada.session.post(`${url}/projects`, { keys: ["AE"] });
      expect(again.statusCode).toBe(200);
      const twentyFirst = await ada.session.post(`${url}/projects`, { keys: ["EMB"] });
      expect(twentyFirst.statusCode).toBe(409);
      expect(twentyFirst.json().error).toMatchObject({
        code: "conflict",
        message: expect.stringMatching(/20 are linked and 1 more would make 21/),
        details: { limit: 20, linked: 20, adding: 1 },
      });
      const unknown = await ada.session.post(`${url}/projects`, { keys: ["NOPE"] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details.fields.keys).toMatch(/NOPE/);
      expect((await ada.session.delete(`${url}/projects/DEL`)).statusCode).toBe(204);
      expect((await ada.session.post(`${url}/projects`, { keys: ["EMB"] })).json().items).toHaveLength(20);
    });

    it("holds the limit when two links race for the last place", async () => {
      const { ada } = world;
      const { portfolioId } = await createPortfolioWithInitiative(world, ada.session, "Race");
      const url = `/api/v1/portfolios/${portfolioId}/jira`;
      const nineteen = [...Array.from({ length: 15 }, (_, i) => `LIM${i + 1}`), "AE", "ATL", "BEA", "COM"];
      expect(
        (await ada.session.put(url, world.jiraBody({ projectKeys: nineteen }))).json().projectCount,
      ).toBe(19);
      const raced = await Promise.all([
        ada.session.post(`${url}/projects`, { keys: ["EMB"] }),
        ada.session.post(`${url}/projects`, { keys: ["FAL"] }),
      ]);
      expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect((await ada.session.get(`${url}/projects`)).json().items).toHaveLength(20);
    });

    it("re-checks a rotated token on save, refuses a bad one, and flags linked projects the new token cannot see", async () => {
      const { ada } = world;
      const { portfolioId, initiativeId } = await createPortfolioWithInitiative(
        world,
        ada.session,
        "Rotation",
      );
      const url = `/api/v1/portfolios/${portfolioId}/jira`;
      await ada.session.put(url, world.jiraBody({ projectKeys: ["AE", "DEL"] }));
      await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "DEL-26" });
      const before = (await ada.session.get(url)).json();
      const wrong = await ada.session.put(url, world.jiraBody(dep.secretPatch("revoked-or-wrong"), PAT_JIRA));
      expect(wrong.statusCode).toBe(422);
      const kept = (await ada.session.get(url)).json();
      expect({ email: kept.email, account: kept.account }).toEqual({
        email: before.email,
        account: before.account,
      });
      const rotated = await ada.session.put(url, world.jiraBody({}, PAT_JIRA));
      expect(rotated.statusCode).toBe(200);
      expect(rotated.json().account).not.toEqual(before.account);
      expect(rotated.json()).toMatchObject({
        email: dep.savedEmail(PAT_JIRA.email),
        account: { displayName: expect.any(String) },
        inaccessibleProjectKeys: ["DEL"],
      });
      const projects = (await ada.session.get(`${url}/projects`)).json().items;
      expect(projects).toEqual([
        expect.objectContaining({ key: "AE", accessible: true, inaccessibleSince: null }),
        expect.objectContaining({ key: "DEL", accessible: false, inaccessibleSince: expect.any(String) }),
      ]);
      await ada.session.post(`${url}/refresh`);
      const epic = (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items[0];
      expect(epic).toMatchObject({ key: "DEL-26", stale: { code: "jira_epic_not_found" } });
      expect(epic.progress.byCount.total).toBeGreaterThan(0);
      const back = await ada.session.put(url, world.jiraBody());
      expect(back.json().inaccessibleProjectKeys).toEqual([]);
    });

    it("flags a project that becomes invisible to the token on the next sync, keeping its epics' last values", async () => {
      const { ada } = world;
      const { portfolioId, initiativeId } = await createPortfolioWithInitiative(
        world,
        ada.session,
        "Invisible",
      );
      const url = `/api/v1/portfolios/${portfolioId}/jira`;
      await ada.session.put(url, world.jiraBody({ projectKeys: ["AE", "BEA"] }, PAT_JIRA));
      const linked = await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "BEA-26" });
      expect(linked.statusCode).toBe(201);
      const before = linked.json().progress;
      const store = world.jira.admin.store;
      const pat = store.findUserByEmail(PAT_JIRA.email);
      const bea = store.findProject("BEA");
      if (!pat || !bea) throw new Error("demo data changed");
      pat.projectIds.delete(bea.id);
      try {
        const card = (await ada.session.post(`${url}/refresh`)).json();
        expect(card).toMatchObject({ health: "healthy", inaccessibleProjectKeys: ["BEA"] });
        const epic = (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items[0];
        expect(epic).toMatchObject({
          key: "BEA-26",
          progress: before,
          stale: { code: "jira_epic_not_found" },
        });
        const offered = (await ada.session.get(`${url}/epics?query=`)).json().items;
        expect(offered.every((e: { projectKey: string }) => e.projectKey === "AE")).toBe(true);
      } finally {
        pat.projectIds.add(bea.id);
      }
      const healed = (await ada.session.post(`${url}/refresh`)).json();
      expect(healed.inaccessibleProjectKeys).toEqual([]);
      expect(
        (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items[0].stale,
      ).toBeNull();
    });

    it("schedules the portfolio's connection like any other; the connection sync reads its epics; failures back off by the shared table", async () => {
      const { ada, goalpost } = world;
      const { portfolioId, initiativeId } = await createPortfolioWithInitiative(
        world,
        ada.session,
        "Scheduled",
      );
      const saved = await ada.session.put(
        `/api/v1/portfolios/${portfolioId}/jira`,
        world.jiraBody({ projectKeys: ["AE"] }),
      );
      expect(saved.json().connection).toMatchObject({ kind: "portfolio" });
      const connectionId: string = saved.json().connection.id;
      await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-786" });
      const enqueued: unknown[] = [];
      const queue = {
        ...goalpost.queue,
        enqueue: async (_job: unknown, payload: unknown) => {
          enqueued.push(payload);
          return "id";
        },
      };
      const context: JobContext = { ...goalpost.jobContext, queue: queue as JobQueue };
      await runJob(scheduleSyncsJob, {}, context);
      expect(enqueued).toContainEqual({ connectionId });

      await runJob(syncConnectionJob, { connectionId }, context);
      const card = (await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira`)).json();
      expect(card).toMatchObject({ health: "healthy", lastSyncAt: expect.any(String), error: null });
      enqueued.length = 0;
      await runJob(scheduleSyncsJob, {}, context);
      expect(enqueued).not.toContainEqual({ connectionId });
      const later = new Date(Date.now() + (goalpost.jobContext.syncIntervalMinutes + 1) * 60_000);
      await runJob(scheduleSyncsJob, {}, { ...context, now: () => later });
      expect(enqueued).toContainEqual({ connectionId });

      // Jira failures go through the one failure table and the one backoff (1, 2, 4… minutes), as any
      // connection's do; the job itself succeeds (the scheduler retries when the backoff is over).
      world.jira.admin.setFaults({ error503Rate: 1 });
      const failedAt = new Date("2026-05-14T10:00:00Z");
      await runJob(syncConnectionJob, { connectionId }, { ...context, now: () => failedAt });
      const failed = (await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira`)).json();
      expect(failed).toMatchObject({
        health: "healthy",
        error: {
          code: "jira_unavailable",
          message: expect.stringContaining(SYNC_OUTCOMES.unavailable.message),
        },
        nextSyncAt: new Date(failedAt.getTime() + FIRST_RETRY_MS).toISOString(),
      });
      const epic = (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items[0];
      expect(epic).toMatchObject({ key: "AE-786", stale: { code: "jira_unavailable" } });
      const failedAgainAt = new Date(failedAt.getTime() + FIRST_RETRY_MS);
      await runJob(syncConnectionJob, { connectionId }, { ...context, now: () => failedAgainAt });
      const again = (await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira`)).json();
      expect(again).toMatchObject({
        error: { code: "jira_unavailable", since: failedAt.toISOString() },
        nextSyncAt: new Date(failedAgainAt.getTime() + 2 * FIRST_RETRY_MS).toISOString(),
      });
      world.jira.admin.setFaults({ error503Rate: 0, revokedUsers: [ADMIN_JIRA.email] });
      await runJob(syncConnectionJob, { connectionId }, context);
      expect((await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira`)).json()).toMatchObject({
        health: "unhealthy",
        error: { code: SYNC_OUTCOMES.bad_credentials.code },
        nextSyncAt: null,
      });
      enqueued.length = 0;
      const muchLater = new Date(later.getTime() + 3 * goalpost.jobContext.syncIntervalMinutes * 60_000);
      await runJob(scheduleSyncsJob, {}, { ...context, now: () => muchLater });
      expect(enqueued).not.toContainEqual({ connectionId });
    });
  },
);
