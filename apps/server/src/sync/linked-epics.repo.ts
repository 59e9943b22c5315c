import type { EpicProgress } from "@goalpost/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { initiativeEpics, portfolioJiraConfigs, portfolioJiraProjects } from "../db/schema/index.ts";
import type { SyncFailure } from "./sync-outcome.ts";

/** An initiative's linked epic read through a connection (its portfolio's Jira configuration uses it). */
export interface LinkedEpic {
  initiativeId: string;
  portfolioId: string;
  epicKey: string;
  staleCode: string | null;
}

/** What Jira says about an epic now: the epic itself, and the progress of its children. */
export interface EpicResult {
  epicId: string;
  summary: string;
  statusName: string;
  statusCategory: string;
  progress: EpicProgress;
}

/** The epics of every portfolio whose Jira configuration reads through `connectionId`. */
export async function listLinkedEpics(db: Db, connectionId: string): Promise<LinkedEpic[]> {
  return db
    .select({
      initiativeId: initiativeEpics.initiativeId,
      portfolioId: initiativeEpics.portfolioId,
      epicKey: initiativeEpics.epicKey,
      staleCode: initiativeEpics.staleCode,
    })
    .from(initiativeEpics)
    .innerJoin(portfolioJiraConfigs, eq(portfolioJiraConfigs.portfolioId, initiativeEpics.portfolioId))
    .where(eq(portfolioJiraConfigs.connectionId, connectionId));
}

/** The projects linked to portfolios reading through `connectionId`, with when each was last seen missing. */
export async function listConnectionProjects(db: Db, connectionId: string) {
  return db
    .select({
      portfolioId: portfolioJiraProjects.portfolioId,
      projectKey: portfolioJiraProjects.projectKey,
      inaccessibleSince: portfolioJiraProjects.inaccessibleSince,
    })
    .from(portfolioJiraProjects)
    .innerJoin(portfolioJiraConfigs, eq(portfolioJiraConfigs.portfolioId, portfolioJiraProjects.portfolioId))
    .where(eq(portfolioJiraConfigs.connectionId, connectionId));
}

/** Flags the linked projects the connection's account no longer sees (keeping the first time), clears the others. */
export async function saveProjectVisibility(
  db: Db,
  connectionId: string,
  visibleKeys: ReadonlySet<string>,
  now: Date,
): Promise<void> {
  for (const project of await listConnectionProjects(db, connectionId)) {
    const seen = visibleKeys.has(project.projectKey);
    if (seen === (project.inaccessibleSince === null)) continue;
    await db
      .update(portfolioJiraProjects)
      .set({ inaccessibleSince: seen ? null : now })
      .where(
        and(
          eq(portfolioJiraProjects.portfolioId, project.portfolioId),
          eq(portfolioJiraProjects.projectKey, project.projectKey),
        ),
      );
  }
}

/** Stores a fresh result on every link of epic `epicKey` among `epics`: values, synced now, no longer stale. */
export async function saveEpicResult(
  db: Db,
  epics: readonly LinkedEpic[],
  epicKey: string,
  result: EpicResult,
  now: Date,
): Promise<void> {
  const initiativeIds = epics.filter((epic) => epic.epicKey === epicKey).map((epic) => epic.initiativeId);
  if (initiativeIds.length === 0) return;
  await db
    .update(initiativeEpics)
    .set({
      epicId: result.epicId,
      summary: result.summary,
      statusName: result.statusName,
      statusCategory: result.statusCategory,
      doneCount: result.progress.byCount.done,
      totalCount: result.progress.byCount.total,
      donePoints: result.progress.byStoryPoints?.done ?? null,
      totalPoints: result.progress.byStoryPoints?.total ?? null,
      syncedAt: now,
      staleCode: null,
      staleMessage: null,
      staleSince: null,
    })
    .where(and(eq(initiativeEpics.epicKey, epicKey), inArray(initiativeEpics.initiativeId, initiativeIds)));
}

/**
 * Marks epics stale with `failure`, keeping their last good values; the since-when is kept while the code
 * stays the same (the one stale vocabulary). Without `epicKeys`: every epic read through the connection.
 */
export async function markEpicsStale(
  db: Db,
  connectionId: string,
  failure: Pick<SyncFailure, "code" | "message">,
  now: Date,
  epicKeys?: readonly string[],
): Promise<void> {
  if (epicKeys?.length === 0) return;
  await db
    .update(initiativeEpics)
    .set({
      staleCode: failure.code,
      staleMessage: failure.message,
      staleSince: sql`case when ${initiativeEpics.staleCode} = ${failure.code} then ${initiativeEpics.staleSince} else ${now} end`,
    })
    .where(
      and(
        sql`${initiativeEpics.portfolioId} in (select ${portfolioJiraConfigs.portfolioId} from ${portfolioJiraConfigs} where ${portfolioJiraConfigs.connectionId} = ${connectionId})`,
        epicKeys === undefined ? undefined : inArray(initiativeEpics.epicKey, [...epicKeys]),
      ),
    );
}
