import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, joinOrg, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { testClock } from "../testing/test-clock.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const DAY = 86_400_000;

describe.each(TEST_ENGINES)("the OKR API on %s", (engine) => {
  // Mid Q3 2026: the quarter Goalpost creates at sign-up is half over, whatever today's date.
  const clock = testClock();
  let goalpost: Goalpost;
  let admin: HttpSession;
  let adminId: string;
  let orgId: string;
  let bob: HttpSession;
  let bobId: string;
  let cid: HttpSession;
  let cidId: string;
  let outsider: HttpSession;
  let outsiderOrgId: string;
  let periodId: string;

  const join = (name: string, email: string) => joinOrg(goalpost.app, admin, orgId, { name, email });
  async function newPeriod(name: string, startDaysAgo = 45, length = 90) {
    const start = new Date(clock.now().getTime() - startDaysAgo * DAY);
    const response = await admin.post(`/api/v1/orgs/${orgId}/periods`, {
      name,
      start: start.toISOString(),
      end: new Date(start.getTime() + length * DAY).toISOString(),
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  }
  async function newObjective(session: HttpSession, body: Record<string, unknown> = {}) {
    const response = await session.post(`/api/v1/orgs/${orgId}/objectives`, {
      title: "Delight customers",
      periodId,
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function newKeyResult(session: HttpSession, objectiveId: string, body: Record<string, unknown> = {}) {
    const response = await session.post(`/api/v1/objectives/${objectiveId}/key-results`, {
      title: "NPS up",
      measure: { kind: "percent" },
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine, {}, undefined, { now: clock.now });
    ({
      session: admin,
      orgId,
      userId: adminId,
    } = await signUpWithOrg(goalpost.app, { name: "Ada", email: "ada@acme.test", orgName: "Acme" }));
    ({ session: bob, id: bobId } = await join("Bob", "bob@acme.test"));
    ({ session: cid, id: cidId } = await join("Cid", "cid@acme.test"));
    ({ session: outsider, orgId: outsiderOrgId } = await signUpWithOrg(goalpost.app, {
      name: "Eve",
      email: "eve@evil.test",
      orgName: "Evil",
    }));
  });
  afterAll(async () => {
    await goalpost?.close();
  });

  describe("periods", () => {
    it("creates the current quarter on first read, once", async () => {
      const first = await bob.get(`/api/v1/orgs/${orgId}/periods`);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({
        items: [
          {
            id: expect.any(String),
            orgId,
            name: "Q3 2026",
            start: "2026-07-01T00:00:00.000Z",
            end: "2026-10-01T00:00:00.000Z",
            createdAt: expect.any(String),
          },
        ],
        nextCursor: null,
      });
      const again = await admin.get(`/api/v1/orgs/${orgId}/periods`);
      expect(again.json().items.map((p: { id: string }) => p.id)).toEqual([first.json().items[0].id]);
      periodId = first.json().items[0].id;
    });

    it("lets members add periods, refuses bad ranges and taken names, and pages earliest first", async () => {
      const early = await bob.post(`/api/v1/orgs/${orgId}/periods`, {
        name: "FY 2020",
        start: "2020-01-01T00:00:00Z",
        end: "2021-01-01T00:00:00Z",
      });
      expect(early.statusCode).toBe(201);
      expect(early.json()).toMatchObject({ name: "FY 2020", start: "2020-01-01T00:00:00.000Z" });

      const backwards = await bob.post(`/api/v1/orgs/${orgId}/periods`, {
        name: "Backwards",
        start: "2026-02-01T00:00:00Z",
        end: "2026-01-01T00:00:00Z",
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.details.fields).toHaveProperty("end");

      const noName = await bob.post(`/api/v1/orgs/${orgId}/periods`, {
        name: " ",
        start: "2026-01-01T00:00:00Z",
        end: "2026-02-01T00:00:00Z",
      });
      expect(noName.statusCode).toBe(400);
      expect(noName.json().error.details.fields).toHaveProperty(["body.name"]);

      const taken = await bob.post(`/api/v1/orgs/${orgId}/periods`, {
        name: "FY 2020",
        start: "2020-01-01T00:00:00Z",
        end: "2020-06-01T00:00:00Z",
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.details.fields).toHaveProperty("name");

      const page1 = await bob.get(`/api/v1/orgs/${orgId}/periods?limit=1`);
      expect(page1.json().items.map((p: { name: string }) => p.name)).toEqual(["FY 2020"]);
      const page2 = await bob.get(`/api/v1/orgs/${orgId}/periods?limit=1&cursor=${page1.json().nextCursor}`);
      expect(page2.json().items.map((p: { id: string }) => p.id)).toEqual([periodId]);
      expect(page2.json().nextCursor).toBeNull();
      expect((await bob.get(`/api/v1/orgs/${orgId}/periods?cursor=nonsense`)).statusCode).toBe(400);
    });

    it("lets only admins edit or delete a period; other orgs get 404", async () => {
      const id = await newPeriod("Scratch");
      expect((await bob.patch(`/api/v1/periods/${id}`, { name: "Mine" })).statusCode).toBe(403);
      expect((await bob.delete(`/api/v1/periods/${id}`)).statusCode).toBe(403);
      expect((await outsider.patch(`/api/v1/periods/${id}`, { name: "Mine" })).statusCode).toBe(404);
      expect((await outsider.get(`/api/v1/orgs/${orgId}/periods`)).statusCode).toBe(404);
      expect(
        (
          await outsider.post(`/api/v1/orgs/${orgId}/periods`, {
            name: "X",
            start: "2026-01-01",
            end: "2026-02-01",
          })
        ).statusCode,
      ).toBe(404);
      const renamed = await admin.patch(`/api/v1/periods/${id}`, { name: "Renamed" });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json().name).toBe("Renamed");
      expect((await admin.patch(`/api/v1/periods/${id}`, { end: "2000-01-01T00:00:00Z" })).statusCode).toBe(
        400,
      );

      const objective = await newObjective(bob, { periodId: id });
      expect((await outsider.delete(`/api/v1/periods/${id}`)).statusCode).toBe(404);
      expect((await admin.delete(`/api/v1/periods/${id}`)).statusCode).toBe(204);
      expect((await bob.get(`/api/v1/objectives/${objective.id}`)).statusCode).toBe(404);
    });
  });

  describe("objectives and key results", () => {
    it("creates an objective owned by its creator, with no progress until its key results have some", async () => {
      const objective = await newObjective(bob, { description: "Make them happy" });
      expect(objective).toMatchObject({
        orgId,
        periodId,
        parentId: null,
        childIds: [],
        title: "Delight customers",
        description: "Make them happy",
        ownerId: bobId,
        weight: 1,
        measure: null,
        dataSource: null,
        keyResults: [],
        canEdit: true,
        createdBy: bobId,
        state: { value: null, progress: null, status: "not_started", stale: null },
      });
      expect(objective.state.expected).toBeCloseTo(50, 1);
      const read = (await bob.get(`/api/v1/objectives/${objective.id}`)).json();
      expect({ ...read, state: { ...read.state, expected: 0 } }).toEqual({
        ...objective,
        state: { ...objective.state, expected: 0 },
      });
    });

    it("rolls an objective up from its key results' weighted progress, with status against the period", async () => {
      const objective = await newObjective(bob);
      const a = await newKeyResult(bob, objective.id, { title: "Percent", weight: 1 });
      const b = await newKeyResult(bob, objective.id, {
        title: "Tickets closed",
        weight: 3,
        measure: { kind: "kpi", unit: "tickets", start: 10, target: 20 },
      });
      expect(b.measure).toEqual({
        kind: "kpi",
        unit: "tickets",
        start: 10,
        target: 20,
        completedOnly: false,
      });
      expect(b).toMatchObject({
        objectiveId: objective.id,
        periodId,
        ownerId: bobId,
        dataSource: null,
        forecast: null,
      });
      expect(
        (await bob.post(`/api/v1/key-results/${a.id}/check-ins`, { value: 80, note: "good week" })).json(),
      ).toMatchObject({
        source: "manual",
        author: { id: bobId, name: "Bob" },
        value: 80,
        progress: 80,
        note: "good week",
      });
      const checkIn = await bob.post(`/api/v1/key-results/${b.id}/check-ins`, { value: 12 });
      expect(checkIn.statusCode).toBe(201);
      expect(checkIn.json()).toMatchObject({ value: 12, progress: 20, note: "" });

      const read = (await bob.get(`/api/v1/objectives/${objective.id}`)).json();
      // (80·1 + 20·3) / 4 = 35
      expect(read.state.progress).toBeCloseTo(35, 10);
      expect(read.state.status).toBe(read.state.expected - 35 > 25 ? "at_risk" : "behind");
      expect(read.keyResults.map((kr: { id: string }) => kr.id)).toEqual([a.id, b.id]);
      expect(read.keyResults[1].state).toMatchObject({
        value: 12,
        progress: 20,
        syncedAt: expect.any(String),
      });

      const achieved = await bob.post(`/api/v1/key-results/${b.id}/check-ins`, { value: 25 });
      expect(achieved.json().progress).toBe(150);
      expect((await bob.get(`/api/v1/key-results/${b.id}`)).json().state.status).toBe("achieved");
    });

    it("keeps history oldest first with who checked in, and forecasts the period end", async () => {
      const objective = await newObjective(bob);
      const kr = await newKeyResult(bob, objective.id, { measure: { kind: "kpi", start: 0, target: 100 } });
      // Backdate three check-ins to give the line a slope of one a day: 10, 15, 20 over ten days.
      for (const [value, daysAgo] of [
        [10, 20],
        [15, 15],
        [20, 10],
      ] as const) {
        await bob.post(`/api/v1/key-results/${kr.id}/check-ins`, { value });
        await goalpost.database.db.execute(
          sql`update check_ins set created_at = ${new Date(clock.now().getTime() - daysAgo * DAY).toISOString()}::timestamptz where key_result_id = ${kr.id} and value = ${value}`,
        );
      }
      const history = await cid.get(`/api/v1/key-results/${kr.id}/history`);
      expect(history.statusCode).toBe(200);
      expect(
        history
          .json()
          .items.map((c: { value: number; source: string; author: { name: string } }) => [
            c.value,
            c.source,
            c.author.name,
          ]),
      ).toEqual([
        [10, "manual", "Bob"],
        [15, "manual", "Bob"],
        [20, "manual", "Bob"],
      ]);
      // One a day, 20 ten days ago: at the period's end, 20 + the days from then to the end.
      const period = (await cid.get(`/api/v1/orgs/${orgId}/periods?limit=200`))
        .json()
        .items.find((p: { id: string }) => p.id === periodId);
      const daysToEnd = (new Date(period.end).getTime() - (clock.now().getTime() - 10 * DAY)) / DAY;
      const forecast = history.json().forecast;
      expect(forecast.at).toBe(period.end);
      expect(forecast.value).toBeCloseTo(20 + daysToEnd, 1);
      expect(forecast.progress).toBeCloseTo(forecast.value, 10);
      expect(history.json().forecastNote).toBeNull();
      expect((await cid.get(`/api/v1/key-results/${kr.id}`)).json().forecast.value).toBeCloseTo(
        forecast.value,
        6,
      );
      expect((await outsider.get(`/api/v1/key-results/${kr.id}/history`)).statusCode).toBe(404);
    });

    it("gives no forecast from a minute of history, and says why", async () => {
      const objective = await newObjective(bob);
      const kr = await newKeyResult(bob, objective.id, { measure: { kind: "percent" } });
      for (const value of [30, 27.3, 27.2]) {
        await bob.post(`/api/v1/key-results/${kr.id}/check-ins`, { value });
      }
      const history = (await cid.get(`/api/v1/key-results/${kr.id}/history`)).json();
      expect(history.items).toHaveLength(3);
      expect(history.forecast).toBeNull();
      expect(history.forecastNote).toBe(
        "Not enough history for a forecast yet: it needs 3 values over at least 7 days.",
      );
      const view = (await cid.get(`/api/v1/key-results/${kr.id}`)).json();
      expect(view).toMatchObject({ forecast: null, forecastNote: history.forecastNote });
    });

    it("derives a rolled-up objective's history from its key results' check-ins", async () => {
      const objective = await newObjective(bob);
      const a = await newKeyResult(bob, objective.id, { measure: { kind: "kpi", start: 0, target: 100 } });
      const b = await newKeyResult(bob, objective.id, { measure: { kind: "kpi", start: 0, target: 100 } });
      for (const [kr, value, daysAgo] of [
        [a, 20, 20],
        [b, 60, 10],
        [a, 40, 5],
      ] as const) {
        await bob.post(`/api/v1/key-results/${kr.id}/check-ins`, { value });
        await goalpost.database.db.execute(
          sql`update check_ins set created_at = ${new Date(clock.now().getTime() - daysAgo * DAY).toISOString()}::timestamptz where key_result_id = ${kr.id} and value = ${value}`,
        );
      }
      const history = (await cid.get(`/api/v1/objectives/${objective.id}/history`)).json();
      expect(history.items.map((c: { progress: number; source: string }) => [c.source, c.progress])).toEqual([
        ["rollup", 20],
        ["rollup", 40],
        ["rollup", 50],
      ]);
      expect(history.forecast).toMatchObject({ value: expect.any(Number) });
    });

    it("refuses invalid input with the field named", async () => {
      const objective = await newObjective(bob);
      const cases: [string, string, unknown, string][] = [
        ["POST", `/api/v1/orgs/${orgId}/objectives`, { title: "", periodId }, "title"],
        ["POST", `/api/v1/orgs/${orgId}/objectives`, { title: "X" }, "periodId"],
        ["POST", `/api/v1/orgs/${orgId}/objectives`, { title: "X", periodId: "nope" }, "periodId"],
        ["POST", `/api/v1/orgs/${orgId}/objectives`, { title: "X", periodId, weight: 0 }, "weight"],
        ["POST", `/api/v1/orgs/${orgId}/objectives`, { title: "X", periodId, ownerId: "nobody" }, "ownerId"],
        ["POST", `/api/v1/orgs/${orgId}/objectives`, { title: "X", periodId, parentId: "nope" }, "parentId"],
        [
          "POST",
          `/api/v1/orgs/${orgId}/objectives`,
          { title: "X", periodId, measure: { kind: "percent" } },
          "measure",
        ],
        ["PATCH", `/api/v1/objectives/${objective.id}`, { parentId: objective.id }, "parentId"],
        ["POST", `/api/v1/objectives/${objective.id}/key-results`, { title: "K" }, "measure"],
        [
          "POST",
          `/api/v1/objectives/${objective.id}/key-results`,
          { title: "K", measure: { kind: "kpi", start: 5, target: 5 } },
          "measure.target",
        ],
        [
          "POST",
          `/api/v1/objectives/${objective.id}/key-results`,
          { title: "K", measure: { kind: "stars" } },
          "measure.kind",
        ],
        [
          "POST",
          `/api/v1/objectives/${objective.id}/key-results`,
          {
            title: "K",
            measure: { kind: "percent" },
            dataSource: { kind: "jira", connectionId: "c", jql: " ", metric: "count" },
          },
          "dataSource.jql",
        ],
        [
          "POST",
          `/api/v1/objectives/${objective.id}/key-results`,
          {
            title: "K",
            measure: { kind: "percent" },
            dataSource: { kind: "jira", connectionId: "c", jql: "x".repeat(4001), metric: "count" },
          },
          "dataSource.jql",
        ],
        [
          "POST",
          `/api/v1/objectives/${objective.id}/key-results`,
          {
            title: "K",
            measure: { kind: "percent" },
            dataSource: {
              kind: "jira",
              connectionId: "c",
              jql: "project = AE",
              metric: { customField: "summary" },
            },
          },
          "dataSource.metric.customField",
        ],
      ];
      for (const [method, url, body, field] of cases) {
        const response = await (method === "POST" ? bob.post(url, body) : bob.patch(url, body));
        expect(response.statusCode, `${method} ${url} ${JSON.stringify(body).slice(0, 80)}`).toBe(400);
        const fields = Object.keys(response.json().error.details.fields).map((key) =>
          key.replace(/^body\./, ""),
        );
        expect(fields, response.body).toContain(field);
      }
    });

    it("lets members edit their own OKRs only; admins edit everything; other orgs get 404", async () => {
      const bobs = await newObjective(bob);
      const bobsKr = await newKeyResult(bob, bobs.id);
      const cidsOwned = await newObjective(admin, { ownerId: cidId });
      expect(cidsOwned.ownerId).toBe(cidId);

      // Cid sees Bob's objective but may not change it.
      const seen = await cid.get(`/api/v1/objectives/${bobs.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().canEdit).toBe(false);
      expect(seen.json().keyResults[0].canEdit).toBe(false);
      expect((await cid.patch(`/api/v1/objectives/${bobs.id}`, { title: "Mine" })).statusCode).toBe(403);
      expect((await cid.delete(`/api/v1/objectives/${bobs.id}`)).statusCode).toBe(403);
      expect(
        (
          await cid.post(`/api/v1/objectives/${bobs.id}/key-results`, {
            title: "K",
            measure: { kind: "percent" },
          })
        ).statusCode,
      ).toBe(403);
      expect((await cid.patch(`/api/v1/key-results/${bobsKr.id}`, { title: "Mine" })).statusCode).toBe(403);
      expect((await cid.post(`/api/v1/key-results/${bobsKr.id}/check-ins`, { value: 5 })).statusCode).toBe(
        403,
      );
      expect((await cid.delete(`/api/v1/key-results/${bobsKr.id}`)).statusCode).toBe(403);

      // The owner (not the creator) edits; the admin edits anyone's.
      const byOwner = await cid.patch(`/api/v1/objectives/${cidsOwned.id}`, { title: "Cid's now" });
      expect(byOwner.statusCode).toBe(200);
      expect(byOwner.json().title).toBe("Cid's now");
      expect(
        (await admin.patch(`/api/v1/key-results/${bobsKr.id}`, { title: "By admin", weight: 2 })).json(),
      ).toMatchObject({
        title: "By admin",
        weight: 2,
      });
      // A key result owned by Cid inside Bob's objective: Cid may edit it, Bob too (objective owner).
      const cidsKr = await newKeyResult(bob, bobs.id, { ownerId: cidId });
      expect((await cid.patch(`/api/v1/key-results/${cidsKr.id}`, { title: "Cid's KR" })).statusCode).toBe(
        200,
      );
      expect((await bob.patch(`/api/v1/key-results/${cidsKr.id}`, { title: "Bob's KR" })).statusCode).toBe(
        200,
      );

      for (const [method, url] of [
        ["GET", `/api/v1/objectives/${bobs.id}`],
        ["PATCH", `/api/v1/objectives/${bobs.id}`],
        ["DELETE", `/api/v1/objectives/${bobs.id}`],
        ["GET", `/api/v1/objectives/${bobs.id}/history`],
        ["POST", `/api/v1/objectives/${bobs.id}/key-results`],
        ["POST", `/api/v1/objectives/${bobs.id}/refresh`],
        ["GET", `/api/v1/key-results/${bobsKr.id}`],
        ["PATCH", `/api/v1/key-results/${bobsKr.id}`],
        ["DELETE", `/api/v1/key-results/${bobsKr.id}`],
        ["POST", `/api/v1/key-results/${bobsKr.id}/check-ins`],
        ["POST", `/api/v1/key-results/${bobsKr.id}/refresh`],
        ["GET", `/api/v1/key-results/${bobsKr.id}/issues`],
        ["GET", `/api/v1/key-results/${bobsKr.id}/history`],
        ["GET", `/api/v1/orgs/${orgId}/objectives?periodId=${periodId}`],
        ["GET", `/api/v1/orgs/${orgId}/periods/${periodId}/export.csv`],
      ] as const) {
        const body =
          method === "GET" || method === "DELETE"
            ? undefined
            : url.endsWith("check-ins")
              ? { value: 1 }
              : url.endsWith("key-results")
                ? { title: "K", measure: { kind: "percent" } }
                : url.endsWith("refresh")
                  ? {}
                  : { title: "Hijacked" };
        const response =
          method === "GET"
            ? await outsider.get(url)
            : method === "DELETE"
              ? await outsider.delete(url)
              : method === "POST"
                ? await outsider.post(url, body)
                : await outsider.patch(url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
      // Another org's period or parent cannot be used either.
      const evilPeriod = (await outsider.get(`/api/v1/orgs/${outsiderOrgId}/periods`)).json().items[0].id;
      expect(
        (await bob.post(`/api/v1/orgs/${orgId}/objectives`, { title: "X", periodId: evilPeriod })).statusCode,
      ).toBe(400);
      const evilObjective = (
        await outsider.post(`/api/v1/orgs/${outsiderOrgId}/objectives`, {
          title: "Evil",
          periodId: evilPeriod,
        })
      ).json();
      expect(
        (await bob.patch(`/api/v1/objectives/${bobs.id}`, { parentId: evilObjective.id })).statusCode,
      ).toBe(400);
      expect((await bob.get(`/api/v1/objectives/${evilObjective.id}`)).statusCode).toBe(404);
    });

    it("aligns objectives in a tree without cycles", async () => {
      const top = await newObjective(admin, { title: "Company" });
      const mid = await newObjective(bob, { title: "Team", parentId: top.id });
      const leaf = await newObjective(bob, { title: "Mine", parentId: mid.id });
      expect((await bob.get(`/api/v1/objectives/${top.id}`)).json().childIds).toEqual([mid.id]);
      expect((await bob.get(`/api/v1/objectives/${mid.id}`)).json()).toMatchObject({
        parentId: top.id,
        childIds: [leaf.id],
      });
      const cycle = await admin.patch(`/api/v1/objectives/${top.id}`, { parentId: leaf.id });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json().error.details.fields).toHaveProperty("parentId");
      expect(
        (await bob.patch(`/api/v1/objectives/${leaf.id}`, { parentId: null })).json().parentId,
      ).toBeNull();
      // Deleting a parent makes its children top-level.
      expect((await bob.delete(`/api/v1/objectives/${mid.id}`)).statusCode).toBe(204);
      expect((await admin.get(`/api/v1/objectives/${top.id}`)).json().childIds).toEqual([]);
    });

    it("deletes an objective with its key results and their check-ins", async () => {
      const objective = await newObjective(bob);
      const kr = await newKeyResult(bob, objective.id);
      await bob.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 10 });
      expect((await bob.delete(`/api/v1/objectives/${objective.id}`)).statusCode).toBe(204);
      expect((await bob.get(`/api/v1/key-results/${kr.id}`)).statusCode).toBe(404);
      const rows = await goalpost.database.db.execute(
        sql`select count(*)::int as n from check_ins where key_result_id = ${kr.id}`,
      );
      expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
      expect((await bob.delete(`/api/v1/objectives/${objective.id}`)).statusCode).toBe(404);
    });

    it("re-measures a manual key result when its measure changes", async () => {
      const objective = await newObjective(bob);
      const kr = await newKeyResult(bob, objective.id, { measure: { kind: "kpi", start: 0, target: 10 } });
      await bob.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 4 });
      const edited = await bob.patch(`/api/v1/key-results/${kr.id}`, {
        measure: { kind: "kpi", start: 0, target: 8 },
      });
      expect(edited.json().state).toMatchObject({ value: 4, progress: 50 });
    });
  });

  describe("lists, summary and export", () => {
    let listPeriod: string;
    const ids: string[] = [];

    beforeAll(async () => {
      listPeriod = await newPeriod("List period");
      // 5 objectives: Bob owns 3 (one at risk, one achieved, one not started), Cid owns 2 (on track, behind).
      const plan: [HttpSession, number | null][] = [
        [bob, 0],
        [bob, 100],
        [bob, null],
        [cid, 90],
        [cid, 40],
      ];
      for (const [session, value] of plan) {
        const objective = await newObjective(session, {
          periodId: listPeriod,
          title: `Objective ${ids.length}`,
        });
        const kr = await newKeyResult(session, objective.id);
        if (value !== null) await session.post(`/api/v1/key-results/${kr.id}/check-ins`, { value });
        ids.push(objective.id);
      }
    });

    it("lists a period's objectives oldest first, paged, with the summary by status", async () => {
      const base = `/api/v1/orgs/${orgId}/objectives?periodId=${listPeriod}`;
      const page1 = await cid.get(`${base}&limit=2`);
      expect(page1.statusCode).toBe(200);
      expect(page1.json().items.map((o: { id: string }) => o.id)).toEqual(ids.slice(0, 2));
      expect(page1.json().summary).toEqual({
        total: 5,
        not_started: 1,
        on_track: 1,
        behind: 1,
        at_risk: 1,
        achieved: 1,
      });
      const page2 = await cid.get(`${base}&limit=2&cursor=${page1.json().nextCursor}`);
      expect(page2.json().items.map((o: { id: string }) => o.id)).toEqual(ids.slice(2, 4));
      const page3 = await cid.get(`${base}&limit=2&cursor=${page2.json().nextCursor}`);
      expect(page3.json()).toMatchObject({ items: [{ id: ids[4] }], nextCursor: null });
      expect(page1.json().items[0].keyResults).toHaveLength(1);
    });

    it("filters by owner and by status", async () => {
      const base = `/api/v1/orgs/${orgId}/objectives?periodId=${listPeriod}`;
      const mine = await bob.get(`${base}&ownerId=${bobId}`);
      expect(mine.json().items.map((o: { id: string }) => o.id)).toEqual(ids.slice(0, 3));
      expect(mine.json().summary).toEqual({
        total: 3,
        not_started: 1,
        on_track: 0,
        behind: 0,
        at_risk: 1,
        achieved: 1,
      });
      const atRisk = await bob.get(`${base}&status=at_risk`);
      expect(atRisk.json().items.map((o: { id: string }) => o.id)).toEqual([ids[0]]);
      expect(atRisk.json().summary.total).toBe(5);
      expect((await bob.get(`${base}&status=great`)).statusCode).toBe(400);
      expect((await bob.get(`/api/v1/orgs/${orgId}/objectives`)).statusCode).toBe(400);
      expect((await bob.get(`/api/v1/orgs/${orgId}/objectives?periodId=nope`)).statusCode).toBe(404);
      expect((await outsider.get(base)).statusCode).toBe(404);
      expect(adminId).not.toBe(bobId);
    });

    it("exports the period as CSV, escaped and safe from formula injection", async () => {
      const objective = await newObjective(bob, { periodId: listPeriod, title: '=HYPERLINK("http://evil")' });
      await newKeyResult(bob, objective.id, {
        title: 'Ship, then "celebrate"\nloudly',
        measure: { kind: "kpi", unit: "+1s", start: 0, target: 5 },
      });
      const response = await cid.get(`/api/v1/orgs/${orgId}/periods/${listPeriod}/export.csv`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^text\/csv/);
      expect(response.headers["content-disposition"]).toBe('attachment; filename="okrs-List-period.csv"');
      const lines = response.body.split("\r\n");
      expect(lines[0]).toBe(
        "type,objective,key result,owner,measure,unit,start,target,data source,metric,value,progress %,expected %,status,synced at,stale",
      );
      expect(lines.filter((line) => line.startsWith("objective,")).length).toBe(6);
      expect(response.body).toContain(`objective,"'=HYPERLINK(""http://evil"")",,Bob,rollup,`);
      expect(response.body).toContain(
        `key result,"'=HYPERLINK(""http://evil"")","Ship, then ""celebrate""\nloudly",Bob,kpi,'+1s,0,5,`,
      );
      expect(response.body).toContain(`key result,Objective 1,NPS up,Bob,percent,,,,,,100,100,`);
      expect((await cid.get(`/api/v1/orgs/${orgId}/periods/nope/export.csv`)).statusCode).toBe(404);
    });
  });
});
