import { isJiraError } from "@goalpost/jira";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { initiativeEpics, portfolioJiraConfigs, portfolioJiraProjects } from "../db/schema/index.ts";
import type { JiraAccess } from "../jira-connections/jira-access.ts";
import { jiraAccessIfEnabled } from "../jira-connections/org-jira-gate.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { openPortfolioJira } from "./open-portfolio-jira.ts";
import {
  findJiraConfig,
  findPortfolio,
  listLinkedProjectRows,
  listPortfolioEpicRows,
} from "./portfolio.repo.ts";
import { readEpics } from "./read-epics.ts";
import { classifySyncFailure, type SyncFailure } from "./sync-failure.ts";

/** What syncing a portfolio needs. */
export interface PortfolioSyncDeps {
  db: Db;
  box: SecretBox;
  jira: JiraAccess;
  now(): Date;
  syncIntervalMinutes: number;
}

/** How a sync went. */
export type SyncOutcome =
  | { status: "not_configured" }
  /** The organisation's Jira switch is off: Jira was not read. */
  | { status: "disabled" }
  | { status: "synced"; syncedAt: Date; epics: number; inaccessibleProjects: string[] }
  | { status: "failed"; failure: SyncFailure };

/** An epic Jira no longer shows to the integration's account. */
const EPIC_GONE = {
  code: "epic_not_found",
  message: "Jira no longer shows this epic to the integration's account (deleted, moved, or no permission).",
};

/**
 * Re-reads every linked epic of the portfolio from Jira (read-only) and stores the result: the projects the
 * token can see (others are flagged), each epic's status and progress. A failure keeps the last good values,
 * records the reason and since when on the configuration and on every epic, and marks the configuration
 * unhealthy when Jira refuses the token. Never throws for Jira failures: the outcome says what happened.
 */
export async function syncPortfolio(deps: PortfolioSyncDeps, portfolioId: string): Promise<SyncOutcome> {
  const config = await findJiraConfig(deps.db, portfolioId);
  const portfolio = await findPortfolio(deps.db, portfolioId);
  if (!config || !portfolio) return { status: "not_configured" };
  const access = await jiraAccessIfEnabled(deps, portfolio.orgId);
  if (!access) return { status: "disabled" };
  const [projects, epics] = await Promise.all([
    listLinkedProjectRows(deps.db, portfolioId),
    listPortfolioEpicRows(deps.db, portfolioId),
  ]);
  const jira = openPortfolioJira(access, deps.box, config);
  let visible: Set<string>;
  let snapshots: Awaited<ReturnType<typeof readEpics>>;
  try {
    visible = new Set((await jira.listProjects(undefined, { limit: 1000 })).map((p) => p.key.toUpperCase()));
    snapshots = await readEpics(
      jira,
      epics.map((e) => e.epicKey),
    );
  } catch (error) {
    if (!isJiraError(error)) throw error;
    const failure = classifySyncFailure(error);
    await recordFailure(deps, portfolioId, failure);
    return { status: "failed", failure };
  }
  const now = deps.now();
  const inaccessible = projects.filter((p) => !visible.has(p.projectKey)).map((p) => p.projectKey);
  await deps.db.transaction(async (tx) => {
    for (const project of projects) {
      await tx
        .update(portfolioJiraProjects)
        .set({
          inaccessibleSince: inaccessible.includes(project.projectKey)
            ? (project.inaccessibleSince ?? now)
            : null,
        })
        .where(
          and(
            eq(portfolioJiraProjects.portfolioId, portfolioId),
            eq(portfolioJiraProjects.projectKey, project.projectKey),
          ),
        );
    }
    for (const epic of epics) {
      const snap = snapshots.get(epic.epicKey);
      const where = and(
        eq(initiativeEpics.initiativeId, epic.initiativeId),
        eq(initiativeEpics.epicKey, epic.epicKey),
      );
      if (!snap) {
        await tx
          .update(initiativeEpics)
          .set({
            staleCode: EPIC_GONE.code,
            staleMessage: EPIC_GONE.message,
            staleSince: epic.staleCode === EPIC_GONE.code ? epic.staleSince : now,
          })
          .where(where);
        continue;
      }
      await tx
        .update(initiativeEpics)
        .set({
          epicId: snap.id,
          summary: snap.summary,
          statusName: snap.statusName,
          statusCategory: snap.statusCategory,
          doneCount: snap.progress.byCount.done,
          totalCount: snap.progress.byCount.total,
          donePoints: snap.progress.byStoryPoints?.done ?? null,
          totalPoints: snap.progress.byStoryPoints?.total ?? null,
          syncedAt: now,
          staleCode: null,
          staleMessage: null,
          staleSince: null,
        })
        .where(where);
    }
    await tx
      .update(portfolioJiraConfigs)
      .set({
        lastSyncAt: now,
        healthy: true,
        errorCode: null,
        errorMessage: null,
        errorSince: null,
        nextSyncAt: new Date(now.getTime() + deps.syncIntervalMinutes * 60_000),
      })
      .where(eq(portfolioJiraConfigs.portfolioId, portfolioId));
  });
  return { status: "synced", syncedAt: now, epics: epics.length, inaccessibleProjects: inaccessible };
}

/** Keeps the last good values; records the reason, since when (kept while the reason stays), and health. */
async function recordFailure(
  deps: PortfolioSyncDeps,
  portfolioId: string,
  failure: SyncFailure,
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(portfolioJiraConfigs)
      .set({
        errorCode: failure.code,
        errorMessage: failure.message,
        errorSince: sql`case when ${portfolioJiraConfigs.errorCode} = ${failure.code} then ${portfolioJiraConfigs.errorSince} else ${now} end`,
        ...(failure.unhealthy ? { healthy: false } : {}),
        nextSyncAt: new Date(now.getTime() + deps.syncIntervalMinutes * 60_000),
      })
      .where(eq(portfolioJiraConfigs.portfolioId, portfolioId));
    await tx
      .update(initiativeEpics)
      .set({
        staleCode: failure.code,
        staleMessage: failure.message,
        staleSince: sql`case when ${initiativeEpics.staleCode} = ${failure.code} then ${initiativeEpics.staleSince} else ${now} end`,
      })
      .where(eq(initiativeEpics.portfolioId, portfolioId));
  });
}
