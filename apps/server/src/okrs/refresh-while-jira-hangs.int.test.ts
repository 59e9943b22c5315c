import { setTimeout as pause } from "node:timers/promises";
import type { JiraEmulator } from "@goalpost/jira-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_JIRA } from "../portfolios/portfolio-fixture.ts";
import type { HttpSession } from "../testing/http-session.ts";
import { type JiraWorld, startJiraWorld } from "../testing/jira-world.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const EPIC = '"Epic Link" = AE-786';

/** Polls `read` until `done` holds of its value (state, not time); fails after many tries. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await pause(50);
  }
  throw new Error("the condition never held");
}

describe.each(TEST_ENGINES)("a refresh while Jira hangs, on %s", (engine) => {
  let world: JiraWorld;
  let jira: JiraEmulator;
  let ada: HttpSession;
  let keyResultId: string;
  let objectiveId: string;
  let portfolioId: string;

  beforeAll(async () => {
    world = await startJiraWorld(engine, {
      emulator: { users: [ADMIN_JIRA] },
      jira: {
        timeoutMs: 5000,
        retry: { maxAttempts: 1 },
        // A hung read is given up only after this: much longer than the request is held.
        syncTimeoutMs: 8000,
        syncRetry: { maxAttempts: 1 },
        refreshAnswerWaitMs: 3000,
      },
    });
    ({ jira } = world);
    const { orgId } = world.admin;
    ada = world.admin.session;
    const source = { kind: "jira", connectionId: world.connectionId, jql: EPIC, metric: "count" };
    const periodId = (await ada.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0].id;
    const objective = await ada.post(`/api/v1/orgs/${orgId}/objectives`, {
      title: "Ship",
      periodId,
      measure: { kind: "percent" },
      dataSource: { ...source, jql: `${EPIC} AND statusCategory = Done` },
    });
    objectiveId = objective.json().id;
    const keyResult = await ada.post(`/api/v1/objectives/${objectiveId}/key-results`, {
      title: "Epic done",
      measure: { kind: "percent" },
      dataSource: source,
    });
    keyResultId = keyResult.json().id;
    const portfolio = await ada.post(`/api/v1/orgs/${orgId}/portfolios`, { name: "Launches" });
    portfolioId = portfolio.json().id;
    const configured = await ada.put(
      `/api/v1/portfolios/${portfolioId}/jira`,
      world.connectionBody({ projectKeys: ["AE"] }),
    );
    expect(configured.statusCode, configured.body).toBe(200);
    const initiative = await ada.post(`/api/v1/portfolios/${portfolioId}/initiatives`, { title: "Launch" });
    await ada.post(`/api/v1/initiatives/${initiative.json().id}/epics`, { key: "AE-786" });
  });
  afterAll(() => world?.close());

  it("answers 200 with the new state when Jira answers in time", async () => {
    for (const url of [
      `/api/v1/key-results/${keyResultId}/refresh`,
      `/api/v1/objectives/${objectiveId}/refresh`,
      `/api/v1/portfolios/${portfolioId}/jira/refresh`,
    ]) {
      const answer = await ada.post(url);
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json().state?.refreshing ?? answer.json().refreshing).toBeUndefined();
    }
    const keyResult = (await ada.get(`/api/v1/key-results/${keyResultId}`)).json();
    expect(keyResult.state).toMatchObject({ value: expect.any(Number), stale: null });
  });

  it("answers 202 with the current state marked refreshing while Jira still hangs; the read then lands", async () => {
    const before = (await ada.get(`/api/v1/key-results/${keyResultId}`)).json().state;
    jira.admin.clearRequestLog();
    jira.admin.setFaults({ hangRate: 1 });

    const keyResult = await ada.post(`/api/v1/key-results/${keyResultId}/refresh`);
    const objective = await ada.post(`/api/v1/objectives/${objectiveId}/refresh`);
    const portfolio = await ada.post(`/api/v1/portfolios/${portfolioId}/jira/refresh`);
    // Each answer came while Jira was hanging: the reads were sent and none has been given up yet, so the
    // last good values stand, not yet marked stale.
    const hung = jira.admin.requestLog().filter((entry) => entry.fault === "hang");
    expect(hung.length).toBeGreaterThanOrEqual(3);
    expect(keyResult.statusCode, keyResult.body).toBe(202);
    expect(keyResult.json().state).toMatchObject({ value: before.value, stale: null, refreshing: true });
    expect(objective.statusCode, objective.body).toBe(202);
    expect(objective.json().state).toMatchObject({ stale: null, refreshing: true });
    expect(portfolio.statusCode, portfolio.body).toBe(202);
    expect(portfolio.json()).toMatchObject({ portfolioId, refreshing: true });
    // A plain read never says `refreshing` (only a refresh's 202 does).
    expect((await ada.get(`/api/v1/key-results/${keyResultId}`)).json().state.refreshing).toBeUndefined();

    // The read goes on in the background and lands: Jira timed out, the last good value kept, marked stale.
    const settled = await until(
      async () => (await ada.get(`/api/v1/key-results/${keyResultId}`)).json().state,
      (state) => state.stale !== null,
    );
    expect(settled).toMatchObject({ value: before.value, stale: { code: "jira_timeout" } });
    await until(
      async () => (await ada.get(`/api/v1/portfolios/${portfolioId}/jira`)).json(),
      (card) => card.error !== null,
    );
    await until(
      async () => (await ada.get(`/api/v1/objectives/${objectiveId}`)).json().state,
      (state) => state.stale !== null,
    );

    // Jira is back: a refresh answers 200 with fresh values again.
    jira.admin.clearFaults();
    const recovered = await ada.post(`/api/v1/key-results/${keyResultId}/refresh`);
    expect(recovered.statusCode).toBe(200);
    expect(recovered.json().state).toMatchObject({ value: before.value, stale: null });
  });
});
