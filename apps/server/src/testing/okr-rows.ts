import { randomUUID } from "node:crypto";
import type { Measure, Metric } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { checkIns, keyResults, objectives, periods } from "../db/schema/index.ts";

const DAY = 86_400_000;

/** Test builder: a period around `now` (a quarter by default) for `orgId`. */
export async function insertPeriod(
  db: Db,
  input: { orgId: string; name?: string; startsAt?: Date; endsAt?: Date },
): Promise<string> {
  const id = randomUUID();
  const now = Date.now();
  await db.insert(periods).values({
    id,
    orgId: input.orgId,
    name: input.name ?? `Quarter ${id.slice(0, 8)}`,
    startsAt: input.startsAt ?? new Date(now - 45 * DAY),
    endsAt: input.endsAt ?? new Date(now + 45 * DAY),
  });
  return id;
}

/** Test builder: an objective (its own period unless given). */
export async function insertObjective(
  db: Db,
  input: { orgId: string; periodId?: string; ownerId?: string; title?: string },
): Promise<string> {
  const id = randomUUID();
  await db.insert(objectives).values({
    id,
    orgId: input.orgId,
    periodId: input.periodId ?? (await insertPeriod(db, { orgId: input.orgId })),
    title: input.title ?? "Objective",
    ownerId: input.ownerId ?? null,
  });
  return id;
}

/** Test builder: a key result, Jira-linked when `jira` is given. */
export async function insertKeyResult(
  db: Db,
  input: {
    orgId: string;
    objectiveId: string;
    measure?: Measure;
    jira?: { connectionId: string; jql: string; metric: Metric };
    title?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await db.insert(keyResults).values({
    id,
    orgId: input.orgId,
    objectiveId: input.objectiveId,
    title: input.title ?? "Key result",
    measure: input.measure ?? { kind: "percent" },
    ...(input.jira
      ? { dataSource: { kind: "jira", ...input.jira }, connectionId: input.jira.connectionId }
      : {}),
  });
  return id;
}

/** A key result's row (state included). */
export async function readKeyResult(db: Db, id: string) {
  const [row] = await db.select().from(keyResults).where(eq(keyResults.id, id));
  if (!row) throw new Error(`no key result ${id}`);
  return row;
}

/** A key result's check-ins, oldest first. */
export async function readCheckIns(db: Db, keyResultId: string) {
  const rows = await db.select().from(checkIns).where(eq(checkIns.keyResultId, keyResultId));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
