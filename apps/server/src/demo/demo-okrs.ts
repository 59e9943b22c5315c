import { randomUUID } from "node:crypto";
import { expectedProgress, kpiProgress, type Measure, type Metric, quarterOf } from "@goalpost/domain";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { checkIns, keyResults, objectives, periods, users } from "../db/schema/index.ts";
import { listOrgConnections } from "../jira-connections/connection.repo.ts";
import { createConnection } from "../jira-connections/create-connection.ts";
import { updateConnection } from "../jira-connections/update-connection.ts";
import { listUserOrgs } from "../orgs/membership.repo.ts";
import { syncConnection } from "../sync/sync-connection.ts";
import type { SyncDeps } from "../sync/sync-deps.ts";
import { DEMO_LOGIN, DEMO_ORG_NAME } from "./demo-org.ts";
import { demoJiraCredentials, demoJiraSecrets } from "./start-demo-jira.ts";

const DAY = 86_400_000;
export const DEMO_CONNECTION_NAME = "Demo Jira";
const EPIC = '"Epic Link" = AE-786';
const BUGS = "project = AE AND issuetype = Bug";
/** Cloud's epic children by `parent`; Data Center has only the Epic Link (its `parent` is a sub-task's). */
const PARENT_EPIC = "parent = AE-786";

/** A key result of the demo: from Jira (`jira`), or checked in by hand at `manualGap` points from the plan. */
interface DemoKeyResult {
  title: string;
  measure: Measure;
  jira?: { jql: string; metric: Metric };
  /** Manual key results end this many points below the expected progress (negative: ahead). */
  manualGap?: number;
}

interface DemoObjective {
  key: string;
  title: string;
  description: string;
  parent?: string;
  keyResults: DemoKeyResult[];
}

/**
 * The demo's OKRs over the emulator's demo site: epic AE-786 (10 stories, 3 done) and the AE bug stream, one
 * key result per metric, and manual key results placed on track, behind and at risk against the plan.
 */
export const DEMO_OBJECTIVES: readonly DemoObjective[] = [
  {
    key: "company",
    title: "Win mid-market customers",
    description: "The company objective the product and quality work aligns to.",
    keyResults: [
      {
        title: "Sign 12 mid-market deals",
        measure: { kind: "kpi", unit: "deals", start: 0, target: 12, completedOnly: false },
        manualGap: -5,
      },
    ],
  },
  {
    key: "campaigns",
    title: "Launch Email Campaigns",
    description: "Customers run their own email campaigns from Acme.",
    parent: "company",
    keyResults: [
      {
        title: "Ship feature Email Campaigns",
        measure: { kind: "percent" },
        jira: { jql: EPIC, metric: "count" },
      },
      {
        title: "Deliver the Email Campaigns story points",
        measure: { kind: "percent" },
        jira: { jql: PARENT_EPIC, metric: "storyPoints" },
      },
      {
        title: "Burn through the estimated Email Campaigns work",
        measure: { kind: "percent" },
        jira: { jql: EPIC, metric: "originalEstimate" },
      },
      {
        title: "Bring remaining Email Campaigns work under 150 h",
        measure: { kind: "kpi", unit: "h", start: 260, target: 150, completedOnly: false },
        jira: { jql: EPIC, metric: "remainingEstimate" },
      },
      {
        title: "Spend 100 h building Email Campaigns",
        measure: { kind: "kpi", unit: "h", start: 0, target: 100, completedOnly: false },
        jira: { jql: EPIC, metric: "timeSpent" },
      },
    ],
  },
  {
    key: "quality",
    title: "Raise product quality",
    description: "Fewer bugs reach customers; the ones that do are fixed fast.",
    parent: "company",
    keyResults: [
      {
        title: "Fix 20 bugs this quarter",
        measure: { kind: "kpi", unit: "bugs", start: 0, target: 20, completedOnly: true },
        jira: { jql: BUGS, metric: "count" },
      },
      {
        title: "Bug work 80% done by time tracked",
        measure: { kind: "kpi", unit: "%", start: 0, target: 80, completedOnly: false },
        jira: { jql: BUGS, metric: "progress" },
      },
      {
        title: "Customer satisfaction 4.5",
        measure: { kind: "kpi", unit: "CSAT", start: 3.8, target: 4.5, completedOnly: false },
        manualGap: 15,
      },
    ],
  },
  {
    key: "value",
    title: "Deliver business value across the portfolio",
    description: "Business value of the stories done in every product line.",
    parent: "company",
    keyResults: [
      {
        title: "Deliver 8,000 points of business value",
        measure: { kind: "kpi", unit: "BV", start: 0, target: 8000, completedOnly: true },
        jira: { jql: '"Business Value" is not EMPTY', metric: { customField: "customfield_10030" } },
      },
    ],
  },
  {
    key: "team",
    title: "Grow the team",
    description: "Hire and onboard without slowing delivery.",
    keyResults: [
      {
        title: "Hire 3 engineers",
        measure: { kind: "kpi", unit: "hires", start: 0, target: 3, completedOnly: false },
        manualGap: 35,
      },
      { title: "Onboarding guide written", measure: { kind: "percent" }, manualGap: -3 },
    ],
  },
];

/** What {@link seedDemoOkrs} needs: the sync engine's dependencies. */
export type DemoOkrDeps = SyncDeps;

async function findDemoAdmin(db: Db): Promise<{ userId: string; orgId: string } | null> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LOGIN.email));
  if (!user) return null;
  const org = (await listUserOrgs(db, user.id)).find((candidate) => candidate.name === DEMO_ORG_NAME);
  return org ? { userId: user.id, orgId: org.id } : null;
}

/** The demo org's connection to the demo Jira site at `jiraUrl` (created, or re-pointed when the port changed). */
async function ensureDemoConnection(
  deps: DemoOkrDeps,
  admin: { userId: string; orgId: string },
  jiraUrl: string,
  deployment: "cloud" | "data-center",
): Promise<string> {
  const existing = (await listOrgConnections(deps.db, admin.orgId)).find(
    (connection) => connection.row.name === DEMO_CONNECTION_NAME,
  );
  if (existing) {
    // A new address needs the token again (a saved token is only ever sent to the site it was saved for).
    if (existing.row.baseUrl !== jiraUrl) {
      await updateConnection(deps, {
        id: existing.row.id,
        userId: admin.userId,
        baseUrl: jiraUrl,
        ...demoJiraSecrets(deployment),
      });
    }
    return existing.row.id;
  }
  const created = await createConnection(deps, {
    orgId: admin.orgId,
    userId: admin.userId,
    name: DEMO_CONNECTION_NAME,
    baseUrl: jiraUrl,
    ...demoJiraCredentials(deployment),
    sharing: { kind: "org" },
  });
  return created.id;
}

/** The demo objectives as a Data Center site can answer them: epic children by Epic Link only. */
export function demoObjectivesFor(deployment: "cloud" | "data-center"): readonly DemoObjective[] {
  if (deployment === "cloud") return DEMO_OBJECTIVES;
  return DEMO_OBJECTIVES.map((objective) => ({
    ...objective,
    keyResults: objective.keyResults.map((kr) =>
      kr.jira?.jql === PARENT_EPIC ? { ...kr, jira: { ...kr.jira, jql: EPIC } } : kr,
    ),
  }));
}

/** Points in time from a week into the period until a few days ago, weekly. */
function weeklyTimes(start: Date, now: Date): Date[] {
  const times: Date[] = [];
  for (let t = start.getTime() + 7 * DAY; t < now.getTime() - 3 * DAY; t += 7 * DAY) times.push(new Date(t));
  return times;
}

/** A quarter's worth of history leading up to `value`: slow at first, then faster (never past it). */
function rampTo(start: number, value: number, fraction: number, isCount: boolean): number {
  const shaped = start + (value - start) * fraction ** 1.4;
  return isCount ? Math.round(shaped) : Math.round(shaped * 10) / 10;
}

/** Whole numbers for KPIs counted in whole units (deals, hires), tenths otherwise (a CSAT score). */
function roundLike(value: number, measure: Measure & { kind: "kpi" }): number {
  const whole =
    Number.isInteger(measure.start) &&
    Number.isInteger(measure.target) &&
    Math.abs(measure.target - measure.start) >= 3;
  return whole ? Math.round(value) : Math.round(value * 10) / 10;
}

function progressOf(value: number, measure: Measure): number {
  return measure.kind === "kpi" ? kpiProgress(value, measure) : value;
}

/**
 * Gives the demo organisation a Jira connection to the bundled emulator at `jiraUrl` and, once, a period (the
 * current quarter) with objectives aligned under a company objective: key results over the demo site for
 * every metric (synced now), manual ones on track, behind and at risk, and a quarter of backdated check-ins.
 * Idempotent: the OKRs are seeded only while the organisation has none.
 */
export async function seedDemoOkrs(
  deps: DemoOkrDeps,
  input: { jiraUrl: string; deployment?: "cloud" | "data-center" },
): Promise<void> {
  const admin = await findDemoAdmin(deps.db);
  if (!admin) return;
  const deployment = input.deployment ?? "cloud";
  const connectionId = await ensureDemoConnection(deps, admin, input.jiraUrl, deployment);
  const [anyObjective] = await deps.db
    .select({ id: objectives.id })
    .from(objectives)
    .where(eq(objectives.orgId, admin.orgId))
    .limit(1);
  if (anyObjective) return;

  const now = deps.now();
  const quarter = quarterOf(now);
  const [existingPeriod] = await deps.db
    .select()
    .from(periods)
    .where(and(eq(periods.orgId, admin.orgId), eq(periods.name, quarter.name)));
  const periodId = existingPeriod?.id ?? randomUUID();
  if (!existingPeriod) {
    await deps.db.insert(periods).values({
      id: periodId,
      orgId: admin.orgId,
      name: quarter.name,
      startsAt: quarter.start,
      endsAt: quarter.end,
    });
  }
  const period = existingPeriod
    ? { start: existingPeriod.startsAt, end: existingPeriod.endsAt }
    : { start: quarter.start, end: quarter.end };
  const createdAt = new Date(Math.max(period.start.getTime(), now.getTime() - 80 * DAY));

  const objectiveIds = new Map<string, string>();
  const manual: { id: string; measure: Measure; gap: number }[] = [];
  for (const [index, spec] of demoObjectivesFor(deployment).entries()) {
    const id = randomUUID();
    objectiveIds.set(spec.key, id);
    const at = new Date(createdAt.getTime() + index * 60_000);
    await deps.db.insert(objectives).values({
      id,
      orgId: admin.orgId,
      periodId,
      parentId: spec.parent ? (objectiveIds.get(spec.parent) ?? null) : null,
      title: spec.title,
      description: spec.description,
      ownerId: admin.userId,
      createdBy: admin.userId,
      createdAt: at,
      updatedAt: at,
    });
    for (const [krIndex, kr] of spec.keyResults.entries()) {
      const krId = randomUUID();
      const krAt = new Date(at.getTime() + (krIndex + 1) * 1000);
      const dataSource = kr.jira ? { kind: "jira" as const, connectionId, ...kr.jira } : null;
      await deps.db.insert(keyResults).values({
        id: krId,
        orgId: admin.orgId,
        objectiveId: id,
        title: kr.title,
        ownerId: admin.userId,
        createdBy: admin.userId,
        createdAt: krAt,
        updatedAt: krAt,
        measure: kr.measure,
        dataSource,
        connectionId: dataSource?.connectionId ?? null,
      });
      if (kr.manualGap !== undefined) manual.push({ id: krId, measure: kr.measure, gap: kr.manualGap });
    }
  }

  await syncConnection(deps, { connectionId });
  await backdateJiraHistory(deps.db, { orgId: admin.orgId, connectionId, start: createdAt, now });
  await checkInManually(deps.db, { ...admin, manual, start: createdAt, now, period });
}

/** Check-ins "by Jira" over the quarter, rising to each synced key result's current value. */
async function backdateJiraHistory(
  db: Db,
  input: { orgId: string; connectionId: string; start: Date; now: Date },
): Promise<void> {
  const synced = await db
    .select()
    .from(keyResults)
    .where(and(eq(keyResults.connectionId, input.connectionId), isNotNull(keyResults.value)));
  const times = weeklyTimes(input.start, input.now);
  for (const row of synced) {
    const measure = row.measure ?? { kind: "percent" };
    const value = row.value ?? 0;
    const from = measure.kind === "kpi" && row.dataSource?.metric === "remainingEstimate" ? measure.start : 0;
    const isCount = row.dataSource?.metric === "count";
    let previous: number | null = null;
    for (const [i, at] of times.entries()) {
      const fraction = (i + 1) / (times.length + 1);
      const pointValue = rampTo(from, value, fraction, isCount);
      if (pointValue === previous) continue;
      previous = pointValue;
      // Percent complete: the same share of the same total as the current value (3 of 10 done is 30%, so
      // 1 done then was 10%), never a progress the value contradicts.
      const progress =
        measure.kind === "kpi"
          ? kpiProgress(pointValue, measure)
          : value > 0
            ? ((row.progress ?? 0) * pointValue) / value
            : 0;
      await db.insert(checkIns).values({
        id: randomUUID(),
        orgId: input.orgId,
        keyResultId: row.id,
        source: "jira",
        value: pointValue,
        progress,
        ...(isCount && measure.kind === "percent"
          ? { issueCount: row.issueCount, doneCount: pointValue }
          : {}),
        createdAt: at,
      });
    }
  }
}

/** Weekly manual check-ins by the demo admin ending `gap` points below the plan, which sets the state. */
async function checkInManually(
  db: Db,
  input: {
    orgId: string;
    userId: string;
    manual: { id: string; measure: Measure; gap: number }[];
    start: Date;
    now: Date;
    period: { start: Date; end: Date };
  },
): Promise<void> {
  const times = [...weeklyTimes(input.start, input.now), new Date(input.now.getTime() - DAY)];
  for (const item of input.manual) {
    let last: { value: number; progress: number; at: Date } | null = null;
    for (const at of times) {
      const targetProgress = Math.max(0, expectedProgress(input.period, at) - item.gap);
      const value =
        item.measure.kind === "kpi"
          ? roundLike(
              item.measure.start + ((item.measure.target - item.measure.start) * targetProgress) / 100,
              item.measure,
            )
          : Math.round(targetProgress);
      if (last && last.value === value) continue;
      last = { value, progress: progressOf(value, item.measure), at };
      await db.insert(checkIns).values({
        id: randomUUID(),
        orgId: input.orgId,
        keyResultId: item.id,
        source: "manual",
        authorId: input.userId,
        value,
        progress: last.progress,
        note: "Weekly check-in",
        createdAt: at,
      });
    }
    if (last) {
      await db
        .update(keyResults)
        .set({ value: last.value, progress: last.progress, syncedAt: last.at })
        .where(eq(keyResults.id, item.id));
    }
  }
}
