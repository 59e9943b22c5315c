import { randomUUID } from "node:crypto";
import { rollupObjective } from "@goalpost/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyResults, objectives } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { signUpWithOrg } from "../testing/http-session.ts";
import { insertPeriod } from "../testing/okr-rows.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import { listObjectiveHeads } from "./objective-heads.ts";

describe.each(TEST_ENGINES)("objective heads on %s", (engine) => {
  let goalpost: Goalpost;
  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
  });
  afterAll(async () => goalpost?.close());

  it("roll up in the database exactly as rollupObjective does", async () => {
    const db = goalpost.database.db;
    const { orgId } = await signUpWithOrg(goalpost.app, { name: "A", email: "a@h.test", orgName: "H" });
    const periodId = await insertPeriod(db, { orgId });
    const otherPeriod = await insertPeriod(db, { orgId });
    const cases: { progress: number | null; weight: number }[][] = [
      [],
      [{ progress: null, weight: 1 }],
      [{ progress: 30, weight: 1 }],
      [
        { progress: 80, weight: 1 },
        { progress: 20, weight: 3 },
      ],
      [
        { progress: 150, weight: 2 },
        { progress: null, weight: 5 },
        { progress: -10, weight: 0.5 },
      ],
      [{ progress: 33.333333333333336, weight: 0.1 }],
    ];
    const ids: string[] = [];
    for (const [index, krs] of cases.entries()) {
      const id = randomUUID();
      ids.push(id);
      await db.insert(objectives).values({
        id,
        orgId,
        periodId,
        title: `O${index}`,
        createdAt: new Date(Date.UTC(2026, 0, index + 1)),
      });
      for (const kr of krs) {
        await db.insert(keyResults).values({
          id: randomUUID(),
          orgId,
          objectiveId: id,
          title: "K",
          measure: { kind: "percent" },
          ...kr,
        });
      }
    }
    const own = randomUUID();
    await db.insert(objectives).values({
      id: own,
      orgId,
      periodId,
      title: "Own source",
      createdAt: new Date(Date.UTC(2026, 1, 1)),
      measure: { kind: "percent" },
      dataSource: { kind: "jira", connectionId: "c", jql: "x", metric: "count" },
      progress: 42,
    });
    await db
      .insert(keyResults)
      .values({ id: randomUUID(), orgId, objectiveId: own, title: "ignored", progress: 99 });
    await db
      .insert(objectives)
      .values({ id: randomUUID(), orgId, periodId: otherPeriod, title: "elsewhere" });

    const heads = await listObjectiveHeads(db, { id: periodId, orgId });
    expect(heads.map((head) => head.id)).toEqual([...ids, own]);
    for (const [index, krs] of cases.entries()) {
      const expected = rollupObjective(krs);
      const actual = heads[index]?.progress ?? null;
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 9);
    }
    expect(heads.at(-1)?.progress).toBe(42);
  });
});
