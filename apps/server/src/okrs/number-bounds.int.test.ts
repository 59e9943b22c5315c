import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { testClock } from "../testing/test-clock.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const BOUND_NUMBERS_MIGRATION = new URL("../../drizzle/0004_bound_numbers.sql", import.meta.url);

/** Hostile numbers are refused before anything is written, and no stored number can take a page down. */
describe.each(TEST_ENGINES)("numbers stay finite and bounded on %s", (engine) => {
  const clock = testClock();
  let goalpost: Goalpost;
  let ada: HttpSession;
  let orgId: string;
  let periodId: string;

  const raw = (method: "POST" | "PATCH", url: string, payload: string) =>
    goalpost.app.inject({
      method,
      url,
      payload,
      headers: {
        "content-type": "application/json",
        origin: "http://goalpost.test",
        cookie: [...ada.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
  async function objective(weight = 1) {
    const created = await ada.post(`/api/v1/orgs/${orgId}/objectives`, {
      title: "Numbers",
      periodId,
      weight,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }
  async function kpi(objectiveId: string, start: number, target: number, weight = 1) {
    const created = await ada.post(`/api/v1/objectives/${objectiveId}/key-results`, {
      title: "KPI",
      weight,
      measure: { kind: "kpi", start, target },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }
  async function everyPageAnswers(objectiveId: string, keyResultId: string) {
    for (const url of [
      `/api/v1/orgs/${orgId}/objectives?periodId=${periodId}`,
      `/api/v1/objectives/${objectiveId}`,
      `/api/v1/objectives/${objectiveId}/history`,
      `/api/v1/key-results/${keyResultId}`,
      `/api/v1/key-results/${keyResultId}/history`,
      `/api/v1/orgs/${orgId}/periods/${periodId}/export.csv`,
    ]) {
      const response = await ada.get(url);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    }
  }

  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine, {}, undefined, { now: clock.now });
    ({ session: ada, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@n.test",
      orgName: "N",
    }));
    periodId = (await ada.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0].id;
  });
  afterAll(async () => goalpost?.close());

  it("refuses a check-in of 1e308 (or 1e400) with 400 naming the value, writing nothing", async () => {
    const objectiveId = await objective();
    const id = await kpi(objectiveId, 0, 1);
    for (const payload of ['{"value":1e308}', '{"value":-1e13}', '{"value":1e400}']) {
      const refused = await raw("POST", `/api/v1/key-results/${id}/check-ins`, payload);
      expect(refused.statusCode, payload).toBe(400);
      expect(refused.json().error.code).toBe("validation_failed");
      expect(JSON.stringify(refused.json().error.details)).toContain("value");
    }
    expect((await ada.get(`/api/v1/key-results/${id}/history`)).json().items).toEqual([]);
    expect((await ada.get(`/api/v1/key-results/${id}`)).json().state.value).toBeNull();
    await everyPageAnswers(objectiveId, id);
  });

  it("refuses a KPI whose start and target are out of range or too close, on create and edit", async () => {
    const objectiveId = await objective();
    for (const measure of [
      { kind: "kpi", start: 0, target: 1e-320 },
      { kind: "kpi", start: 0, target: 1e-7 },
      { kind: "kpi", start: 0, target: 1e308 },
      { kind: "kpi", start: -1e13, target: 1 },
    ]) {
      const created = await ada.post(`/api/v1/objectives/${objectiveId}/key-results`, {
        title: "K",
        measure,
      });
      expect(created.statusCode, JSON.stringify(measure)).toBe(400);
    }
    const id = await kpi(objectiveId, 0, 1);
    const edited = await ada.patch(`/api/v1/key-results/${id}`, {
      measure: { kind: "kpi", start: 0, target: 1e-320 },
    });
    expect(edited.statusCode).toBe(400);
    expect((await ada.get(`/api/v1/key-results/${id}`)).json().measure).toMatchObject({
      start: 0,
      target: 1,
    });
  });

  it("keeps the extremes that are allowed finite through weights, rollups, history and forecast", async () => {
    const objectiveId = await objective(1000);
    const id = await kpi(objectiveId, 0, 1e-6, 1000);
    const other = await kpi(objectiveId, -1e12, 1e12, 1000);
    for (const value of [1e12, -1e12, 1e12]) {
      expect((await ada.post(`/api/v1/key-results/${id}/check-ins`, { value })).statusCode).toBe(201);
      clock.advance(86_400_000);
    }
    expect((await ada.post(`/api/v1/key-results/${other}/check-ins`, { value: 1e12 })).statusCode).toBe(201);
    await everyPageAnswers(objectiveId, id);
    const read = (await ada.get(`/api/v1/objectives/${objectiveId}`)).json();
    expect(Number.isFinite(read.state.progress)).toBe(true);
    expect(read.state.progress).toBeGreaterThan(1e19);
  });

  it("repairs numbers stored before the bound (Infinity, NaN, 1e308) so every page answers again", async () => {
    const objectiveId = await objective(1000);
    const id = await kpi(objectiveId, 0, 1, 1000);
    expect((await ada.post(`/api/v1/key-results/${id}/check-ins`, { value: 0.5 })).statusCode).toBe(201);
    const db = goalpost.database.db;
    await db.execute(
      sql`update key_results set value = 1e308, progress = 'Infinity'::float8 where id = ${id}`,
    );
    await db.execute(
      sql`update check_ins set value = 'NaN'::float8, progress = 1e308 where key_result_id = ${id}`,
    );
    for (const statement of readFileSync(BOUND_NUMBERS_MIGRATION, "utf8").split("--> statement-breakpoint")) {
      await db.execute(sql.raw(statement));
    }
    await everyPageAnswers(objectiveId, id);
    const read = (await ada.get(`/api/v1/key-results/${id}`)).json();
    expect(read.state).toMatchObject({ value: null, progress: null });
    const history = (await ada.get(`/api/v1/key-results/${id}/history`)).json();
    expect(history.items).toHaveLength(1);
  });
});
