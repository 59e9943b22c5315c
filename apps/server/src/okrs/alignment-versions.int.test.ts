import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyResults } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { queriesDuring } from "../testing/count-queries.ts";
import { type HttpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { testClock } from "../testing/test-clock.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const DAY = 86_400_000;

/** The queries of a request, without the caller cache's revocation check (at most one a second). */
async function routeQueries(goalpost: Goalpost, request: () => Promise<unknown>): Promise<string[]> {
  const queries = await queriesDuring(goalpost, request);
  return queries.filter((sql) => !/from "cache_versions" where/.test(sql));
}

/**
 * Cached answers of an objective that rolls up through aligned objectives in other periods: every write below
 * it, in any period and at any depth, must reach its answers (`0008_alignment_versions`), and its page and
 * rolled-up history stay within the read path's bounds.
 */
describe.each(TEST_ENGINES)("cached rollups through aligned objectives in other periods on %s", (engine) => {
  const clock = testClock();
  let goalpost: Goalpost;
  let ada: HttpSession;
  let orgId: string;
  let thisPeriod: string;
  let nextPeriod: string;
  let laterPeriod: string;

  async function newPeriod(name: string, startInDays: number) {
    const start = new Date(clock.now().getTime() + startInDays * DAY);
    const response = await ada.post(`/api/v1/orgs/${orgId}/periods`, {
      name,
      start: start.toISOString(),
      end: new Date(start.getTime() + 90 * DAY).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  }
  async function newObjective(title: string, periodId: string, parentId?: string) {
    const response = await ada.post(`/api/v1/orgs/${orgId}/objectives`, {
      title,
      periodId,
      ...(parentId ? { parentId } : {}),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  }
  async function newKeyResult(objectiveId: string) {
    const response = await ada.post(`/api/v1/objectives/${objectiveId}/key-results`, {
      title: "Manual",
      measure: { kind: "percent" },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  }
  async function checkIn(keyResultId: string, value: number) {
    // Apart in time, but far within the cached answers' time to live: only versions may expire them here.
    clock.advance(1000);
    const response = await ada.post(`/api/v1/key-results/${keyResultId}/check-ins`, { value });
    expect(response.statusCode, response.body).toBe(201);
  }
  const progressOf = async (objectiveId: string) =>
    (await ada.get(`/api/v1/objectives/${objectiveId}`)).json().state.progress as number | null;
  const historyOf = async (objectiveId: string) =>
    ((await ada.get(`/api/v1/objectives/${objectiveId}/history`)).json().items as { progress: number }[]).map(
      (item) => item.progress,
    );
  const listedProgress = async (periodId: string, objectiveId: string) => {
    const page = (await ada.get(`/api/v1/orgs/${orgId}/objectives?periodId=${periodId}&limit=100`)).json();
    return page.items.find((item: { id: string }) => item.id === objectiveId).state.progress as number | null;
  };
  /** Reads the objective's page, history and its period's list twice: the second time all from the cache. */
  async function cacheAll(objectiveId: string, periodId: string) {
    const paths = [
      `/api/v1/objectives/${objectiveId}`,
      `/api/v1/objectives/${objectiveId}/history`,
      `/api/v1/orgs/${orgId}/objectives?periodId=${periodId}&limit=100`,
    ];
    for (const path of paths) await ada.get(path);
    for (const path of paths) expect(await routeQueries(goalpost, () => ada.get(path))).toHaveLength(1);
  }

  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine, {}, undefined, { now: clock.now });
    ({ session: ada, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@versions.test",
      orgName: "Acme",
    }));
    thisPeriod = await newPeriod("This", -45);
    nextPeriod = await newPeriod("Next", 60);
    laterPeriod = await newPeriod("Later", 160);
  });
  afterAll(async () => goalpost?.close());

  it("answers an objective with aligned objectives two levels down, and its rolled-up history, in two queries", async () => {
    const top = await newObjective("Top", thisPeriod);
    const middle = await newObjective("Middle", nextPeriod, top);
    const leaf = await newObjective("Leaf", laterPeriod, middle);
    const kr = await newKeyResult(leaf);
    await checkIn(kr, 30);
    for (const path of [`/api/v1/objectives/${top}`, `/api/v1/objectives/${top}/history`]) {
      await ada.get("/api/v1/me");
      expect((await routeQueries(goalpost, () => ada.get(path))).length).toBeLessThanOrEqual(2);
      expect(await routeQueries(goalpost, () => ada.get(path))).toHaveLength(1);
    }
    expect(await progressOf(top)).toBe(30);
    expect(await historyOf(top)).toEqual([30]);
  });

  it("sees at once a check-in, a write by the sync and a deletion two levels down in other periods", async () => {
    const top = await newObjective("Top", thisPeriod);
    const own = await newKeyResult(top);
    await checkIn(own, 10);
    const middle = await newObjective("Middle", nextPeriod, top);
    const leaf = await newObjective("Leaf", laterPeriod, middle);
    const kr = await newKeyResult(leaf);
    await checkIn(kr, 20);
    expect(await progressOf(top)).toBe(15);

    await cacheAll(top, thisPeriod);
    await checkIn(kr, 50);
    expect(await progressOf(top)).toBe(30);
    expect(await historyOf(top)).toEqual([10, 15, 30]);
    expect(await listedProgress(thisPeriod, top)).toBe(30);

    // A write outside any route, as the sync engine writes Jira's values.
    await cacheAll(top, thisPeriod);
    await goalpost.database.db.update(keyResults).set({ progress: 90 }).where(eq(keyResults.id, kr));
    expect(await progressOf(top)).toBe(50);
    expect(await listedProgress(thisPeriod, top)).toBe(50);

    // The leaf's key result deleted: only the top's own key result is left.
    await cacheAll(top, thisPeriod);
    expect((await ada.delete(`/api/v1/key-results/${kr}`)).statusCode).toBe(204);
    expect(await progressOf(top)).toBe(10);
    expect(await historyOf(top)).toEqual([10]);
    expect(await listedProgress(thisPeriod, top)).toBe(10);
  });

  it("sees at once an objective two levels down in another period re-weighted, moved away or aligned again", async () => {
    const top = await newObjective("Top", thisPeriod);
    await checkIn(await newKeyResult(top), 0);
    const child = await newObjective("Child", nextPeriod, top);
    await checkIn(await newKeyResult(child), 20);
    const grandchild = await newObjective("Grandchild", laterPeriod, child);
    await checkIn(await newKeyResult(grandchild), 80);
    // Child (20 + 80) / 2 = 50, top (0 + 50) / 2 = 25.
    expect(await progressOf(top)).toBe(25);

    // Grandchild weight 3: child (20 + 3·80) / 4 = 65, top 32.5.
    await cacheAll(top, thisPeriod);
    expect((await ada.patch(`/api/v1/objectives/${grandchild}`, { weight: 3 })).statusCode).toBe(200);
    expect(await progressOf(top)).toBe(32.5);
    expect(await listedProgress(thisPeriod, top)).toBe(32.5);

    // Aligned elsewhere: the child keeps its own 20, the top 10.
    const other = await newObjective("Other", laterPeriod);
    await cacheAll(top, thisPeriod);
    expect((await ada.patch(`/api/v1/objectives/${grandchild}`, { parentId: other })).statusCode).toBe(200);
    expect(await progressOf(top)).toBe(10);
    expect(await listedProgress(thisPeriod, top)).toBe(10);
    expect(await progressOf(other)).toBe(80);

    // That objective (with it) aligned under the child: the child (20 + 80) / 2 = 50 again, the top 25.
    await cacheAll(top, thisPeriod);
    expect((await ada.patch(`/api/v1/objectives/${other}`, { parentId: child })).statusCode).toBe(200);
    expect(await progressOf(top)).toBe(25);
    expect((await ada.get(`/api/v1/objectives/${child}`)).json().childIds).toEqual([other]);

    // It deleted: the grandchild is aligned to nothing, the top back to 10.
    await cacheAll(top, thisPeriod);
    expect((await ada.delete(`/api/v1/objectives/${other}`)).statusCode).toBe(204);
    expect(await progressOf(top)).toBe(10);
    expect(await listedProgress(thisPeriod, top)).toBe(10);
  });

  it("lists a comment on a key result at once after its page and history were cached (comments are never cached)", async () => {
    const objective = await newObjective("Commented", thisPeriod);
    const kr = await newKeyResult(objective);
    await checkIn(kr, 10);
    for (const path of [`/api/v1/key-results/${kr}`, `/api/v1/key-results/${kr}/history`]) {
      await ada.get(path);
      expect(await routeQueries(goalpost, () => ada.get(path))).toHaveLength(1);
    }
    const added = await ada.post(`/api/v1/key-results/${kr}/comments`, { body: "On track after the fix" });
    expect(added.statusCode, added.body).toBe(201);
    const comments = (await ada.get(`/api/v1/key-results/${kr}/comments`)).json();
    expect(comments.items.map((item: { body: string }) => item.body)).toEqual(["On track after the fix"]);
  });
});
