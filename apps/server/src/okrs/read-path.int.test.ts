import { gunzipSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyResults } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { queriesDuring } from "../testing/count-queries.ts";
import { type HttpSession, httpSession, joinOrg, signUpWithOrg } from "../testing/http-session.ts";
import { startGoalpostsOnOneDatabase } from "../testing/shared-database.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { testClock } from "../testing/test-clock.ts";
import { TEST_ENGINES, testDatabaseAvailable } from "../testing/test-database.ts";

const DAY = 86_400_000;

/** The queries of a request, without the caller cache's revocation check (at most one a second). */
async function routeQueries(goalpost: Goalpost, request: () => Promise<unknown>): Promise<string[]> {
  const queries = await queriesDuring(goalpost, request);
  return queries.filter((sql) => !/from "cache_versions" where/.test(sql));
}

/** An org with a period of 21 objectives, the first with two key results (one with check-ins). */
async function seedOrg(goalpost: Goalpost, now: Date, email: string) {
  const { session, orgId } = await signUpWithOrg(goalpost.app, { name: "Ada", email, orgName: "Acme" });
  const start = new Date(now.getTime() - 45 * DAY);
  const period = await session.post(`/api/v1/orgs/${orgId}/periods`, {
    name: "Read path",
    start: start.toISOString(),
    end: new Date(start.getTime() + 90 * DAY).toISOString(),
  });
  const periodId = period.json().id as string;
  const objectiveIds: string[] = [];
  for (let i = 0; i < 21; i++) {
    const created = await session.post(`/api/v1/orgs/${orgId}/objectives`, { title: `Goal ${i}`, periodId });
    objectiveIds.push(created.json().id);
  }
  const objectiveId = objectiveIds[0] as string;
  const kr = await session.post(`/api/v1/objectives/${objectiveId}/key-results`, {
    title: "NPS up",
    measure: { kind: "percent" },
  });
  const keyResultId = kr.json().id as string;
  await session.post(`/api/v1/objectives/${objectiveId}/key-results`, {
    title: "Churn down",
    measure: { kind: "percent" },
  });
  for (const value of [10, 20]) {
    await session.post(`/api/v1/key-results/${keyResultId}/check-ins`, { value });
  }
  return { session, orgId, periodId, objectiveId, keyResultId };
}

describe.each(TEST_ENGINES)("the OKR read path on %s", (engine) => {
  const clock = testClock();
  let goalpost: Goalpost;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let ada: HttpSession;
  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine, {}, undefined, { now: clock.now });
    org = await seedOrg(goalpost, clock.now(), "ada@read.test");
    ada = org.session;
  });
  afterAll(async () => goalpost?.close());

  it.each([
    ["a key result", () => `/api/v1/key-results/${org.keyResultId}`],
    ["a key result's history", () => `/api/v1/key-results/${org.keyResultId}/history`],
    ["an objective", () => `/api/v1/objectives/${org.objectiveId}`],
    ["an objective's rolled-up history", () => `/api/v1/objectives/${org.objectiveId}/history`],
  ])("answers %s in at most two queries, and one when nothing changed", async (_name, path) => {
    let response = await ada.get("/api/v1/me");
    const first = await routeQueries(goalpost, async () => {
      response = await ada.get(path());
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(first.length).toBeLessThanOrEqual(2);
    const again = await routeQueries(goalpost, async () => {
      response = await ada.get(path());
    });
    expect(response.statusCode).toBe(200);
    expect(again).toHaveLength(1);
  });

  it("lists 20 objectives by default, in the list shape, with the next page's cursor", async () => {
    const page = await ada.get(`/api/v1/orgs/${org.orgId}/objectives?periodId=${org.periodId}`);
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.items).toHaveLength(20);
    expect(body.summary.total).toBe(21);
    const [first] = body.items;
    expect(Object.keys(first).sort()).toEqual(
      [
        "canEdit",
        "dataSource",
        "description",
        "id",
        "keyResults",
        "measure",
        "orgId",
        "ownerId",
        "parentId",
        "parentTitle",
        "periodId",
        "state",
        "title",
        "weight",
      ].sort(),
    );
    expect(Object.keys(first.keyResults[0]).sort()).toEqual(
      ["canEdit", "dataSource", "id", "measure", "objectiveId", "ownerId", "state", "title", "weight"].sort(),
    );
    expect(first.keyResults[0].state).toMatchObject({ progress: 20, status: expect.any(String) });
    const next = await ada.get(
      `/api/v1/orgs/${org.orgId}/objectives?periodId=${org.periodId}&cursor=${encodeURIComponent(body.nextCursor)}`,
    );
    expect(next.json().items.map((item: { title: string }) => item.title)).toEqual(["Goal 20"]);
    expect(next.json().nextCursor).toBeNull();
    // The full state stays on the item's own page.
    const own = (await ada.get(`/api/v1/objectives/${org.objectiveId}`)).json();
    expect(own).toHaveProperty("childIds");
    expect(own.keyResults[0]).toHaveProperty("createdAt");
  });

  it("compresses a large answer for a client that accepts it", async () => {
    const response = await ada.get(`/api/v1/orgs/${org.orgId}/objectives?periodId=${org.periodId}`, {
      "accept-encoding": "gzip",
    });
    expect(response.headers["content-encoding"]).toBe("gzip");
    const body = JSON.parse(gunzipSync(response.rawPayload).toString());
    expect(body.items).toHaveLength(20);
  });

  it("answers a repeated list from one query and sees a write at once", async () => {
    const list = `/api/v1/orgs/${org.orgId}/objectives?periodId=${org.periodId}&limit=5`;
    await ada.get(list);
    expect(await routeQueries(goalpost, () => ada.get(list))).toHaveLength(1);
    await ada.post(`/api/v1/key-results/${org.keyResultId}/check-ins`, { value: 35 });
    const after = (await ada.get(list)).json();
    expect(after.items[0].keyResults[0].state.progress).toBe(35);
    const kr = (await ada.get(`/api/v1/key-results/${org.keyResultId}`)).json();
    expect(kr.state.progress).toBe(35);
    const history = (await ada.get(`/api/v1/key-results/${org.keyResultId}/history`)).json();
    expect(history.items.map((item: { value: number }) => item.value)).toEqual([10, 20, 35]);
  });

  it("follows a key result whose objective moves to another period", async () => {
    const objective = (
      await ada.post(`/api/v1/orgs/${org.orgId}/objectives`, { title: "Mover", periodId: org.periodId })
    ).json();
    const kr = (
      await ada.post(`/api/v1/objectives/${objective.id}/key-results`, {
        title: "Moving",
        measure: { kind: "percent" },
      })
    ).json();
    const path = `/api/v1/key-results/${kr.id}`;
    await ada.get(path);
    await ada.get(`${path}/history`);
    const start = new Date(clock.now().getTime() + 100 * DAY);
    const later = await ada.post(`/api/v1/orgs/${org.orgId}/periods`, {
      name: "Later",
      start: start.toISOString(),
      end: new Date(start.getTime() + 90 * DAY).toISOString(),
    });
    const laterId = later.json().id as string;
    expect((await ada.patch(`/api/v1/objectives/${objective.id}`, { periodId: laterId })).statusCode).toBe(
      200,
    );
    expect((await ada.get(path)).json().periodId).toBe(laterId);
    // Writes to it now bump the new period: still seen at once.
    await ada.post(`${path}/check-ins`, { value: 42 });
    expect((await ada.get(path)).json().state.progress).toBe(42);
    expect(
      (await ada.get(`${path}/history`)).json().items.map((item: { value: number }) => item.value),
    ).toEqual([42]);
  });

  it("keeps each caller's edit rights out of another's cached answer", async () => {
    const { session: bob } = await joinOrg(goalpost.app, ada, org.orgId, {
      name: "Bob",
      email: "bob@read.test",
    });
    const path = `/api/v1/key-results/${org.keyResultId}`;
    expect((await ada.get(path)).json().canEdit).toBe(true);
    expect((await bob.get(path)).json().canEdit).toBe(false);
    const list = `/api/v1/orgs/${org.orgId}/objectives?periodId=${org.periodId}&limit=1`;
    expect((await ada.get(list)).json().items[0].canEdit).toBe(true);
    expect((await bob.get(list)).json().items[0].canEdit).toBe(false);
  });
});

describe.runIf(testDatabaseAvailable())(
  "cached OKR answers across two Goalpost processes on PostgreSQL",
  () => {
    const clock = testClock();
    let a: Goalpost;
    let b: Goalpost;
    let close: () => Promise<void>;
    let org: Awaited<ReturnType<typeof seedOrg>>;
    let onB: HttpSession;
    beforeAll(async () => {
      const started = await startGoalpostsOnOneDatabase(2, { now: clock.now });
      [a, b] = started.instances as [Goalpost, Goalpost];
      close = started.close;
      org = await seedOrg(a, clock.now(), "ada@two.test");
      onB = httpSession(b.app);
      for (const [name, value] of org.session.cookies) onB.cookies.set(name, value);
    });
    afterAll(async () => close?.());

    it("serves on one process what a write on the other changed, without waiting", async () => {
      const list = `/api/v1/orgs/${org.orgId}/objectives?periodId=${org.periodId}&limit=1`;
      const keyResult = `/api/v1/key-results/${org.keyResultId}`;
      const history = `${keyResult}/history`;
      expect((await onB.get(list)).json().items[0].keyResults[0].state.progress).toBe(20);
      expect((await onB.get(keyResult)).json().state.progress).toBe(20);
      expect((await onB.get(history)).json().items).toHaveLength(2);

      // A check-in through the other process.
      await org.session.post(`${keyResult}/check-ins`, { value: 60 });
      expect((await onB.get(list)).json().items[0].keyResults[0].state.progress).toBe(60);
      expect((await onB.get(keyResult)).json().state.progress).toBe(60);
      expect((await onB.get(history)).json().items).toHaveLength(3);

      // A write outside any route (as the sync engine writes Jira's values).
      await a.database.db.update(keyResults).set({ progress: 75 }).where(eq(keyResults.id, org.keyResultId));
      expect((await onB.get(list)).json().items[0].keyResults[0].state.progress).toBe(75);
      expect((await onB.get(keyResult)).json().state.progress).toBe(75);

      // The period's dates (every status in it).
      const period = `/api/v1/periods/${org.periodId}`;
      const end = new Date(clock.now().getTime() + 1 * DAY).toISOString();
      expect((await org.session.patch(period, { end })).statusCode).toBe(200);
      expect((await onB.get(keyResult)).json().state.expected).toBeGreaterThan(90);
    });

    it("switching the org's Jira integration off shows on the other process at once", async () => {
      const objective = `/api/v1/objectives/${org.objectiveId}`;
      await onB.get(objective);
      // The integration switch as its route writes it: the org's row.
      await a.database.db.execute(
        sql`insert into jira_integrations (org_id, enabled) values (${org.orgId}, false)`,
      );
      const integration = await onB.get(`/api/v1/orgs/${org.orgId}/integrations/jira`);
      expect(integration.json().enabled).toBe(false);
      // No Jira-linked item here, so the answer's content is unchanged, but it is recomputed: one more query.
      expect((await routeQueries(b, () => onB.get(objective))).length).toBe(2);
    });
  },
);
