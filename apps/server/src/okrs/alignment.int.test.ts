import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { testClock } from "../testing/test-clock.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const DAY = 86_400_000;

describe.each(TEST_ENGINES)("alignment rollup on %s", (engine) => {
  const clock = testClock();
  let goalpost: Goalpost;
  let admin: HttpSession;
  let orgId: string;
  let periodId: string;

  async function newObjective(title: string, body: Record<string, unknown> = {}) {
    const response = await admin.post(`/api/v1/orgs/${orgId}/objectives`, { title, periodId, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  }
  async function checkedInKeyResult(objectiveId: string, checkIns: [value: number, daysAgo: number][]) {
    const kr = (
      await admin.post(`/api/v1/objectives/${objectiveId}/key-results`, {
        title: "Manual",
        measure: { kind: "percent" },
      })
    ).json() as { id: string };
    for (const [value, daysAgo] of checkIns) {
      expect((await admin.post(`/api/v1/key-results/${kr.id}/check-ins`, { value })).statusCode).toBe(201);
      await goalpost.database.db.execute(
        sql`update check_ins set created_at = ${new Date(clock.now().getTime() - daysAgo * DAY).toISOString()}::timestamptz where key_result_id = ${kr.id} and value = ${value}`,
      );
    }
    return kr;
  }
  const objectiveState = async (id: string) => (await admin.get(`/api/v1/objectives/${id}`)).json().state;

  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine, {}, undefined, { now: clock.now });
    ({ session: admin, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@acme.test",
      orgName: "Acme",
    }));
    periodId = (await admin.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0].id;
  });
  afterAll(async () => {
    await goalpost?.close();
  });

  it("rolls an aligned child up into a parent with nothing else (weight 3, child at 50%)", async () => {
    const parent = await newObjective("Parent only aligned");
    const child = await newObjective("Child", { parentId: parent.id, weight: 3 });
    await checkedInKeyResult(child.id, [[50, 1]]);
    const state = await objectiveState(parent.id);
    expect(state.progress).toBe(50);
    expect(state.status).not.toBe("not_started");
    const parentView = (await admin.get(`/api/v1/objectives/${parent.id}`)).json();
    expect(parentView.childIds).toEqual([child.id]);
    // The goals list and its summary agree with the objective view.
    const list = (await admin.get(`/api/v1/orgs/${orgId}/objectives?periodId=${periodId}`)).json();
    const listed = list.items.find((item: { id: string }) => item.id === parent.id);
    expect(listed.state.progress).toBe(50);
  });

  it("weighs children against the parent's own key results, through any depth, and its history follows", async () => {
    const top = await newObjective("Top");
    await checkedInKeyResult(top.id, [[10, 30]]);
    const middle = await newObjective("Middle", { parentId: top.id, weight: 3 });
    const leaf = await newObjective("Leaf", { parentId: middle.id });
    await checkedInKeyResult(leaf.id, [
      [20, 20],
      [60, 10],
    ]);
    // Leaf 60 → middle 60 → top (10 + 3·60) / 4 = 47.5.
    expect((await objectiveState(leaf.id)).progress).toBe(60);
    expect((await objectiveState(middle.id)).progress).toBe(60);
    expect((await objectiveState(top.id)).progress).toBe(47.5);

    const history = (await admin.get(`/api/v1/objectives/${top.id}/history`)).json();
    expect(
      history.items.map((point: { source: string; progress: number }) => [point.source, point.progress]),
    ).toEqual([
      ["rollup", 10],
      ["rollup", 17.5], // (10 + 3·20) / 4
      ["rollup", 47.5],
    ]);
    expect(history.forecast).not.toBeNull();

    const tree = await admin.get(`/api/v1/orgs/${orgId}/periods/${periodId}/alignment`);
    expect(tree.statusCode).toBe(200);
    const items = tree.json().items as { id: string; depth: number; progress: number; parentId: string }[];
    const at = (id: string) => items.findIndex((item) => item.id === id);
    expect(at(top.id)).toBeLessThan(at(middle.id));
    expect(at(middle.id)).toBeLessThan(at(leaf.id));
    expect(items[at(top.id)]).toMatchObject({ title: "Top", depth: 0, parentId: null, progress: 47.5 });
    expect(items[at(middle.id)]).toMatchObject({ depth: 1, parentId: top.id, weight: 3, progress: 60 });
    expect(items[at(leaf.id)]).toMatchObject({ depth: 2, parentId: middle.id, progress: 60 });
    expect(items[at(top.id)]).toHaveProperty("status");

    // A cycle is refused at save.
    const cycle = await admin.patch(`/api/v1/objectives/${top.id}`, { parentId: leaf.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details.fields).toHaveProperty("parentId");
  });

  it("hides another org's tree", async () => {
    const { session: eve } = await signUpWithOrg(goalpost.app, {
      name: "Eve",
      email: "eve@evil.test",
      orgName: "Evil",
    });
    expect((await eve.get(`/api/v1/orgs/${orgId}/periods/${periodId}/alignment`)).statusCode).toBe(404);
  });
});
