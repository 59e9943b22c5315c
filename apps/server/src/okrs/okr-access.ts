import { canEditOkr, DomainError, type OkrViewer } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { keyResults, memberships, objectives, periods } from "../db/schema/index.ts";
import { findRole } from "../orgs/membership.repo.ts";
import { findPeriod, type KeyResultRow, type ObjectiveRow, type PeriodRow } from "./okr.repo.ts";

/** Who the caller is in an org; another org's objects are indistinguishable from missing ones (`not_found`). */
export async function requireOkrViewer(
  db: Db | Tx,
  orgId: string,
  userId: string,
  notFound = "Organisation not found.",
): Promise<OkrViewer> {
  const role = await findRole(db, orgId, userId);
  if (!role) throw new DomainError("not_found", notFound);
  return { userId, role };
}

/** A period the caller can see, or `not_found`. */
export async function accessPeriod(
  db: Db | Tx,
  id: string,
  userId: string,
): Promise<{ period: PeriodRow; viewer: OkrViewer }> {
  const period = await findPeriod(db, id);
  if (!period) throw new DomainError("not_found", "Period not found.");
  return { period, viewer: await requireOkrViewer(db, period.orgId, userId, "Period not found.") };
}

/** An objective the caller can see, with its period, or `not_found` (one query). */
export async function accessObjective(
  db: Db | Tx,
  id: string,
  userId: string,
): Promise<{ objective: ObjectiveRow; period: PeriodRow; viewer: OkrViewer }> {
  const [row] = await db
    .select({ objective: objectives, period: periods, role: memberships.role })
    .from(objectives)
    .innerJoin(periods, eq(periods.id, objectives.periodId))
    .leftJoin(memberships, and(eq(memberships.orgId, objectives.orgId), eq(memberships.userId, userId)))
    .where(eq(objectives.id, id));
  if (!row?.role) throw new DomainError("not_found", "Objective not found.");
  return { objective: row.objective, period: row.period, viewer: { userId, role: row.role } };
}

/** A key result the caller can see, with its objective and period, or `not_found` (one query). */
export async function accessKeyResult(
  db: Db | Tx,
  id: string,
  userId: string,
): Promise<{ keyResult: KeyResultRow; objective: ObjectiveRow; period: PeriodRow; viewer: OkrViewer }> {
  const [row] = await db
    .select({ keyResult: keyResults, objective: objectives, period: periods, role: memberships.role })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(periods, eq(periods.id, objectives.periodId))
    .leftJoin(memberships, and(eq(memberships.orgId, keyResults.orgId), eq(memberships.userId, userId)))
    .where(eq(keyResults.id, id));
  if (!row?.role) throw new DomainError("not_found", "Key result not found.");
  return {
    keyResult: row.keyResult,
    objective: row.objective,
    period: row.period,
    viewer: { userId, role: row.role },
  };
}

/** Throws `forbidden` unless the caller may edit the objective (admin, its owner or creator). */
export function requireEditObjective(viewer: OkrViewer, objective: ObjectiveRow): void {
  if (!canEditOkr(viewer, objective)) {
    throw new DomainError("forbidden", "Only the objective's owner, its creator or an admin can change it.");
  }
}

/** Throws `forbidden` unless the caller may edit the key result (admin, its or its objective's owner or creator). */
export function requireEditKeyResult(
  viewer: OkrViewer,
  keyResult: KeyResultRow,
  objective: ObjectiveRow,
): void {
  if (!canEditOkr(viewer, keyResult, objective)) {
    throw new DomainError(
      "forbidden",
      "Only the key result's or its objective's owner or creator, or an admin, can change it.",
    );
  }
}
