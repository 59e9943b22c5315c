import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, joinOrg, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { testClock } from "../testing/test-clock.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import { checkInItem } from "./check-in-item.ts";
import { MEASURED_NAMES, type MeasuredKind } from "./measured-kind.ts";

const PATHS: Record<MeasuredKind, string> = {
  key_result: "/api/v1/key-results",
  objective: "/api/v1/objectives",
};

describe.each(TEST_ENGINES)("the measured-item slice, both kinds alike, on %s", (engine) => {
  const clock = testClock();
  let goalpost: Goalpost;
  let ada: HttpSession;
  let cid: HttpSession;
  let eve: HttpSession;
  let adaId: string;
  const ids: Record<MeasuredKind, string> = { key_result: "", objective: "" };

  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine, {}, undefined, { now: clock.now });
    let orgId: string;
    ({
      session: ada,
      orgId,
      userId: adaId,
    } = await signUpWithOrg(goalpost.app, { name: "Ada", email: "ada@acme.test", orgName: "Acme" }));
    ({ session: cid } = await joinOrg(goalpost.app, ada, orgId, { name: "Cid" }));
    ({ session: eve } = await signUpWithOrg(goalpost.app, {
      name: "Eve",
      email: "eve@evil.test",
      orgName: "Evil",
    }));
    const periodId = (await ada.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0].id;
    ids.objective = (
      await ada.post(`/api/v1/orgs/${orgId}/objectives`, { title: "Launch", periodId })
    ).json().id;
    ids.key_result = (
      await ada.post(`/api/v1/objectives/${ids.objective}/key-results`, {
        title: "Signups",
        weight: 1,
        measure: { kind: "percent" },
      })
    ).json().id;
  });
  afterAll(async () => {
    await goalpost?.close();
  });

  it.each<MeasuredKind>(["key_result", "objective"])(
    "serves a manual %s's read, history, drill-down and refresh through one route module",
    async (kind) => {
      const path = `${PATHS[kind]}/${ids[kind]}`;
      expect((await ada.get(path)).json()).toMatchObject({ id: ids[kind], canEdit: true });
      expect((await ada.get(`${path}/history`)).json()).toMatchObject({ items: [] });
      const issues = await ada.get(`${path}/issues`);
      expect(issues.statusCode).toBe(409);
      expect(issues.json().error.message).toContain(`This ${MEASURED_NAMES[kind]} has no Jira data source`);
      expect((await ada.post(`${path}/refresh`)).json().error.details).toEqual({ reason: "no_data_source" });
      expect((await eve.get(`${path}/history`)).statusCode).toBe(404);
      expect((await cid.delete(path)).statusCode).toBe(403);
      expect((await eve.delete(path)).statusCode).toBe(404);
    },
  );

  it("records a manual check-in as the key result's state, and refuses one on an objective that rolls up", async () => {
    const input = { userId: adaId, value: 30, note: "week 1", now: clock.now() };
    const checkIn = await checkInItem(goalpost.database.db, {
      ...input,
      kind: "key_result",
      id: ids.key_result,
    });
    expect(checkIn).toMatchObject({ source: "manual", value: 30, progress: 30, author: { name: "Ada" } });
    expect((await ada.get(`/api/v1/key-results/${ids.key_result}`)).json().state).toMatchObject({
      value: 30,
      progress: 30,
    });
    await expect(
      checkInItem(goalpost.database.db, { ...input, kind: "objective", id: ids.objective }),
    ).rejects.toMatchObject({
      code: "conflict",
      details: { reason: "rolls_up" },
    });
  });

  it("edits an objective's own fields and its measured ones in one transaction", async () => {
    const path = `/api/v1/objectives/${ids.objective}`;
    const refused = await ada.patch(path, {
      description: "Lost",
      measure: { kind: "kpi", start: 0, target: 10 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields).toHaveProperty("measure");
    expect((await ada.get(path)).json().description).toBe("");
    const edited = (await ada.patch(path, { title: "Launch v2", description: "Kept" })).json();
    expect(edited).toMatchObject({
      title: "Launch v2",
      description: "Kept",
      measure: null,
      dataSource: null,
    });
  });

  it("deletes either kind for who may edit it", async () => {
    expect((await ada.delete(`/api/v1/key-results/${ids.key_result}`)).statusCode).toBe(204);
    expect((await ada.get(`/api/v1/key-results/${ids.key_result}`)).statusCode).toBe(404);
    expect((await ada.delete(`/api/v1/objectives/${ids.objective}`)).statusCode).toBe(204);
    expect((await ada.get(`/api/v1/objectives/${ids.objective}`)).statusCode).toBe(404);
  });
});
