import { isJiraError } from "@goalpost/jira";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { initiativeEpics, portfolioJiraConfigs, portfolioJiraProjects } from "../db/schema/index.ts";
import type { JiraAccess } from "../jira-connections/jira-access.ts";
import { jiraAccessIfEnabled } from "../jira-connections/org-jira-gate.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { nextDueAfterFailure, nextDueAfterSuccess } from "../sync/next-due.ts";
import { openSyncClient } from "../sync/open-sync-client.ts";
import { type SyncFailure, syncFailureOf } from "../sync/sync-outcome.ts";
import {
  findJiraConfig,
  findPortfolio,
  listLinkedProjectRows,
  listPortfolioEpicRows,
} from "./portfolio.repo.ts";
import { readEpics } from "./read-epics.ts";

/** What syncing a portfolio needs. */
export interface PortfolioSyncDeps {
  db: Db;
  box: SecretBox;
  jira: JiraAccess;
  now(): Date;
  syncIntervalMinutes: number;
}

/** How a portfolio's sync went. */
export type PortfolioSyncRun =
  | { status: "not_configured" }
  /** The organisation's Jira switch is off: Jira was not read. */
  | { status: "disabled" }
  | { status: "synced"; syncedAt: Date; epics: number; inaccessibleProjects: string[] }
  | { status: "failed"; failure: SyncFailure };

/** An epic Jira no longer shows to the integration's account. */
const EPIC_GONE = {
  code: "jira_epic_not_found",
  message: "Jira no longer shows this epic to the integration's account (deleted, moved, or no permission).",
};

/**
 * Re-reads every linked epic of the portfolio from Jira (read-only) and stores the result: the projects the
 * token can see (others are flagged), each epic's status and progress. A failure keeps the last good values,
 * records the reason and since when on the configuration and on every epic, and marks the configuration
 * unhealthy when Jira refuses the token. Never throws for Jira failures: the outcome says what happened.
 */
export async function syncPortfolio(deps: PortfolioSyncDeps, portfolioId: string): Promise<PortfolioSyncRun> {
  const config = await findJiraConfig(deps.db, portfolioId);
  const portfolio = await findPortfolio(deps.db, portfolioId);
  if (!config || !portfolio) return { status: "not_configured" };
  const access = await jiraAccessIfEnabled(deps, portfolio.orgId);
  if (!access) return { status: "disabled" };
  const [projects, epics] = await Promise.all([
    listLinkedProjectRows(deps.db, portfolioId),
    listPortfolioEpicRows(deps.db, portfolioId),
  ]);
  const startedAt = deps.now();
  const { client: jira } = openSyncClient(access, {
    baseUrl: config.baseUrl,
    email: config.email,
    apiToken: deps.box.open(config.apiTokenSealed),
  });
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
    const failure = syncFailureOf(error);
    await recordFailure(deps, { portfolioId, failureCount: config.failureCount + 1, failure });
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
        failureCount: 0,
        nextSyncAt: nextDueAfterSuccess(startedAt, deps.syncIntervalMinutes),
      })
      .where(eq(portfolioJiraConfigs.portfolioId, portfolioId));
  });
  return { status: "synced", syncedAt: now, epics: epics.length, inaccessibleProjects: inaccessible };
}

/**
 * Keeps the last good values; records the reason, since when (kept while the reason stays), and health, by the
 * one failure table (sync/sync-outcome.ts): `stop` turns the integration unhealthy (no sync until a Portfolio
 * Manager edits it), anything else is retried with the shared backoff, never sooner than Jira's Retry-After.
 */
async function recordFailure(
  deps: PortfolioSyncDeps,
  input: { portfolioId: string; failureCount: number; failure: SyncFailure },
): Promise<void> {
  const { portfolioId, failure } = input;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(portfolioJiraConfigs)
      .set({
        errorCode: failure.code,
        errorMessage: failure.message,
        errorSince: sql`case when ${portfolioJiraConfigs.errorCode} = ${failure.code} then ${portfolioJiraConfigs.errorSince} else ${now} end`,
        ...(failure.action === "stop" ? { healthy: false } : {}),
        failureCount: input.failureCount,
        nextSyncAt: nextDueAfterFailure(
          now,
          input.failureCount,
          deps.syncIntervalMinutes,
          failure.retryAfterSeconds,
        ),
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
