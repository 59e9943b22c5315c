import { DomainError, type OkrViewer, type OrgRole } from "@goalpost/domain";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/database.ts";
import { preparedStatement } from "../db/prepared-statement.ts";
import {
  cacheVersions,
  jiraIntegrations,
  keyResults,
  memberships,
  objectives,
  periods,
} from "../db/schema/index.ts";
import { versionKey } from "../read-cache/answer-cache.ts";
import { type AlignmentNodeRow, alignedBelowJson, alignedBelowOf } from "./alignment.repo.ts";
import type { KeyResultRow, ObjectiveRow, PeriodRow } from "./okr.repo.ts";

/**
 * What every OKR read needs besides its rows, read in the same query as them: the caller's role, whether
 * the org's Jira integration is on, and the versions (`cache_versions`) of the org and period that key its
 * cached answer.
 */
export interface ReadContext {
  viewer: OkrViewer;
  jiraEnabled: boolean;
  /** Changes whenever anything the answer is computed from changes (any process). */
  versions: string;
}

const orgVersion = alias(cacheVersions, "org_version");
const periodVersion = alias(cacheVersions, "period_version");

/** The columns of {@link ReadContext}, joined onto a query over `orgId` and `periodId`. */
function contextColumns() {
  return {
    role: memberships.role,
    jiraEnabled: jiraIntegrations.enabled,
    orgVersion: orgVersion.version,
    periodVersion: periodVersion.version,
  };
}

function readContext(
  userId: string,
  row: {
    role: OrgRole;
    jiraEnabled: boolean | null;
    orgVersion: number | null;
    periodVersion: number | null;
  },
): ReadContext {
  return {
    viewer: { userId, role: row.role },
    // No row means on: the integration is enabled by default.
    jiraEnabled: row.jiraEnabled ?? true,
    versions: versionKey({ org: row.orgVersion, period: row.periodVersion }),
  };
}

/** One check-in point as an access query carries it: [epoch ms, value, progress]. */
type CheckInPoint = [number, number | null, number | null];

/** The check-in points of `subject` (a column holding a key result's or objective's id), oldest first. */
function checkInPoints(
  column: "key_result_id" | "objective_id",
  subject: typeof keyResults.id | typeof objectives.id,
) {
  return sql<CheckInPoint[] | null>`(select json_agg(json_build_array(
      (extract(epoch from ci.created_at) * 1000)::float8, ci.value, ci.progress) order by ci.created_at, ci.id)
    from check_ins ci where ci.${sql.raw(column)} = ${subject})`;
}

function pointsOf(points: CheckInPoint[] | null) {
  return (points ?? []).map(([at, value, progress]) => ({ createdAt: new Date(at), value, progress }));
}

/**
 * The caller's role in an org and the versions of the org and one of its periods (one light query), or null
 * for a non-member: what a cached answer about an item of that period is checked against.
 */
export async function readScopeAccess(
  db: Db,
  orgId: string,
  periodId: string,
  userId: string,
): Promise<Omit<ReadContext, "jiraEnabled"> | null> {
  const [row] = await scopeAccessQuery(db).execute({
    orgId,
    userId,
    orgScope: `org:${orgId}`,
    periodScope: `period:${periodId}`,
  });
  if (!row) return null;
  return {
    viewer: { userId, role: row.role },
    versions: versionKey({ org: row.orgVersion, period: row.periodVersion }),
  };
}

const scopeAccessQuery = preparedStatement((db) =>
  db
    .select({ role: memberships.role, orgVersion: orgVersion.version, periodVersion: periodVersion.version })
    .from(memberships)
    .leftJoin(orgVersion, eq(orgVersion.scope, sql.placeholder("orgScope")))
    .leftJoin(periodVersion, eq(periodVersion.scope, sql.placeholder("periodScope")))
    .where(
      and(eq(memberships.orgId, sql.placeholder("orgId")), eq(memberships.userId, sql.placeholder("userId"))),
    )
    .prepare("read_scope_access"),
);

/**
 * A key result the caller can see, with its objective, period, read context and its check-ins' points (for
 * the forecast), or `not_found` (one query).
 */
export async function readKeyResultAccess(
  db: Db,
  id: string,
  userId: string,
): Promise<{
  keyResult: KeyResultRow;
  objective: ObjectiveRow;
  period: PeriodRow;
  context: ReadContext;
  checkIns: { createdAt: Date; value: number | null; progress: number | null }[];
}> {
  const [row] = await db
    .select({
      keyResult: keyResults,
      objective: objectives,
      period: periods,
      ...contextColumns(),
      checkIns: checkInPoints("key_result_id", keyResults.id),
    })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(periods, eq(periods.id, objectives.periodId))
    .leftJoin(memberships, and(eq(memberships.orgId, keyResults.orgId), eq(memberships.userId, userId)))
    .leftJoin(jiraIntegrations, eq(jiraIntegrations.orgId, keyResults.orgId))
    .leftJoin(orgVersion, eq(orgVersion.scope, sql`'org:' || ${keyResults.orgId}`))
    .leftJoin(periodVersion, eq(periodVersion.scope, sql`'period:' || ${periods.id}`))
    .where(eq(keyResults.id, id));
  if (!row?.role) throw new DomainError("not_found", "Key result not found.");
  return {
    keyResult: row.keyResult,
    objective: row.objective,
    period: row.period,
    context: readContext(userId, { ...row, role: row.role }),
    checkIns: pointsOf(row.checkIns),
  };
}

/**
 * An objective the caller can see, with its period, read context, the objectives aligned below it (through
 * any depth, in any period: a recursive query in the same statement) and its own check-ins (points for the
 * forecast; none for an objective that rolls up), or `not_found` (one query).
 */
export async function readObjectiveAccess(
  db: Db,
  id: string,
  userId: string,
): Promise<{
  objective: ObjectiveRow;
  period: PeriodRow;
  context: ReadContext;
  /** Every objective aligned below it, through any depth, with what its rollup needs (oldest first). */
  alignedBelow: AlignmentNodeRow[];
  checkIns: { createdAt: Date; value: number | null; progress: number | null }[];
}> {
  const [row] = await db
    .select({
      objective: objectives,
      period: periods,
      ...contextColumns(),
      alignedBelow: alignedBelowJson(id),
      checkIns: checkInPoints("objective_id", objectives.id),
    })
    .from(objectives)
    .innerJoin(periods, eq(periods.id, objectives.periodId))
    .leftJoin(memberships, and(eq(memberships.orgId, objectives.orgId), eq(memberships.userId, userId)))
    .leftJoin(jiraIntegrations, eq(jiraIntegrations.orgId, objectives.orgId))
    .leftJoin(orgVersion, eq(orgVersion.scope, sql`'org:' || ${objectives.orgId}`))
    .leftJoin(periodVersion, eq(periodVersion.scope, sql`'period:' || ${periods.id}`))
    .where(eq(objectives.id, id));
  if (!row?.role) throw new DomainError("not_found", "Objective not found.");
  return {
    objective: row.objective,
    period: row.period,
    context: readContext(userId, { ...row, role: row.role }),
    alignedBelow: alignedBelowOf(row.alignedBelow),
    checkIns: pointsOf(row.checkIns),
  };
}

/**
 * The caller's read context in an org for one of its periods, with the period; `not_found` for a
 * non-member ("Organisation not found.") or another org's or a missing period (one query).
 */
export async function readPeriodAccess(
  db: Db,
  orgId: string,
  periodId: string,
  userId: string,
): Promise<{ period: PeriodRow; context: ReadContext }> {
  const [row] = await periodAccessQuery(db).execute({ orgId, periodId, userId });
  if (!row) throw new DomainError("not_found", "Organisation not found.");
  if (!row.period) throw new DomainError("not_found", "Period not found.");
  return { period: row.period, context: readContext(userId, row) };
}

const periodAccessQuery = preparedStatement((db) =>
  db
    .select({ period: periods, ...contextColumns() })
    .from(memberships)
    .leftJoin(periods, and(eq(periods.id, sql.placeholder("periodId")), eq(periods.orgId, memberships.orgId)))
    .leftJoin(jiraIntegrations, eq(jiraIntegrations.orgId, memberships.orgId))
    .leftJoin(orgVersion, eq(orgVersion.scope, sql`'org:' || ${memberships.orgId}`))
    .leftJoin(periodVersion, eq(periodVersion.scope, sql`'period:' || ${periods.id}`))
    .where(
      and(eq(memberships.orgId, sql.placeholder("orgId")), eq(memberships.userId, sql.placeholder("userId"))),
    )
    .prepare("read_period_access"),
);
