import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { checkIns, keyResults, objectives, periods, users } from "../db/schema/index.ts";

export type PeriodRow = typeof periods.$inferSelect;
export type ObjectiveRow = typeof objectives.$inferSelect;
export type KeyResultRow = typeof keyResults.$inferSelect;
export type CheckInRow = typeof checkIns.$inferSelect;

/** A period by id, or undefined. */
export async function findPeriod(db: Db | Tx, id: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(periods).where(eq(periods.id, id));
  return row;
}

/** Every period of the org, earliest first. */
export async function listOrgPeriods(db: Db | Tx, orgId: string): Promise<PeriodRow[]> {
  return db
    .select()
    .from(periods)
    .where(eq(periods.orgId, orgId))
    .orderBy(asc(periods.startsAt), asc(periods.createdAt), asc(periods.id));
}

/** A period of the org by name, or undefined. */
export async function findPeriodByName(
  db: Db | Tx,
  orgId: string,
  name: string,
): Promise<PeriodRow | undefined> {
  const [row] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.orgId, orgId), eq(periods.name, name)));
  return row;
}

/** An objective by id, or undefined. */
export async function findObjective(db: Db | Tx, id: string): Promise<ObjectiveRow | undefined> {
  const [row] = await db.select().from(objectives).where(eq(objectives.id, id));
  return row;
}

/** Every objective of a period, oldest first. */
export async function listPeriodObjectives(db: Db | Tx, periodId: string): Promise<ObjectiveRow[]> {
  return db
    .select()
    .from(objectives)
    .where(eq(objectives.periodId, periodId))
    .orderBy(asc(objectives.createdAt), asc(objectives.id));
}

/** A key result by id, or undefined. */
export async function findKeyResult(db: Db | Tx, id: string): Promise<KeyResultRow | undefined> {
  const [row] = await db.select().from(keyResults).where(eq(keyResults.id, id));
  return row;
}

/** The key results of the objectives, oldest first. */
export async function listKeyResultsOf(
  db: Db | Tx,
  objectiveIds: readonly string[],
): Promise<KeyResultRow[]> {
  if (objectiveIds.length === 0) return [];
  return db
    .select()
    .from(keyResults)
    .where(inArray(keyResults.objectiveId, [...objectiveIds]))
    .orderBy(asc(keyResults.createdAt), asc(keyResults.id));
}

/** A check-in with its author's name. */
export interface CheckInWithAuthor extends CheckInRow {
  authorName: string | null;
}

/** An item's check-ins, oldest first (at most `limit`, the latest ones). */
export async function listCheckIns(
  db: Db | Tx,
  subject: { keyResultId: string } | { objectiveId: string },
  limit = 5000,
): Promise<CheckInWithAuthor[]> {
  const where =
    "keyResultId" in subject
      ? eq(checkIns.keyResultId, subject.keyResultId)
      : eq(checkIns.objectiveId, subject.objectiveId);
  const rows = await db
    .select({ checkIn: checkIns, authorName: users.name })
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.authorId))
    .where(where)
    .orderBy(asc(checkIns.createdAt), asc(checkIns.id));
  return rows.slice(-limit).map((row) => ({ ...row.checkIn, authorName: row.authorName }));
}

/**
 * A key result's check-ins (the latest `limit`, oldest first, with authors' names), with what its forecast
 * needs (its measure, data source and period) and where it is (org, period), in one query; null when it does not exist.
 */
export async function listKeyResultHistory(db: Db | Tx, keyResultId: string, limit: number) {
  const rows = await db
    .select({
      orgId: keyResults.orgId,
      measure: keyResults.measure,
      dataSource: keyResults.dataSource,
      period: periods,
      checkIn: checkIns,
      authorName: users.name,
    })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(periods, eq(periods.id, objectives.periodId))
    .leftJoin(checkIns, eq(checkIns.keyResultId, keyResults.id))
    .leftJoin(users, eq(users.id, checkIns.authorId))
    .where(eq(keyResults.id, keyResultId))
    .orderBy(asc(checkIns.createdAt), asc(checkIns.id));
  const [first] = rows;
  if (!first) return null;
  return {
    orgId: first.orgId,
    measure: first.measure,
    dataSource: first.dataSource,
    period: first.period,
    checkIns: rows
      .flatMap((row): CheckInWithAuthor[] =>
        row.checkIn ? [{ ...row.checkIn, authorName: row.authorName }] : [],
      )
      .slice(-limit),
  };
}

/** Display names of users by id. */
export async function findUserNames(db: Db | Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Writes what only an objective has (description, period, parent); absent fields are left as they are. */
export async function updateObjectiveDetails(
  tx: Tx,
  id: string,
  details: {
    description?: string | undefined;
    periodId?: string | undefined;
    parentId?: string | null | undefined;
  },
): Promise<void> {
  const { description, periodId, parentId } = details;
  if (description === undefined && periodId === undefined && parentId === undefined) return;
  await tx
    .update(objectives)
    .set({
      ...(description !== undefined ? { description } : {}),
      ...(periodId !== undefined ? { periodId } : {}),
      ...(parentId !== undefined ? { parentId } : {}),
    })
    .where(eq(objectives.id, id));
}
