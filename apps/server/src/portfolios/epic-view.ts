import type { DoneOfTotal } from "@goalpost/domain";
import type { StaleReason } from "../sync/stale-reason.ts";
import type { EpicRow } from "./portfolio.repo.ts";

/** Why cached values may be out of date, and since when (the one stale vocabulary, always with a since). */
export type StaleView = StaleReason & { since: Date };

/** A linked epic as the API shows it: last good values from Jira, never written back. */
export interface EpicView {
  key: string;
  initiativeId: string;
  projectKey: string;
  /** The epic in Jira. */
  url: string;
  summary: string;
  status: { name: string; category: string };
  progress: { byCount: DoneOfTotal; byStoryPoints: DoneOfTotal | null };
  syncedAt: Date | null;
  stale: StaleView | null;
  linkedAt: Date;
}

const ratio = (done: number, total: number): DoneOfTotal => ({
  done,
  total,
  progress: total === 0 ? null : (done / total) * 100,
});

/** Stale state of a row, or null when fresh. */
export function staleOf(row: {
  staleCode: string | null;
  staleMessage: string | null;
  staleSince: Date | null;
}): StaleView | null {
  return row.staleCode === null || row.staleSince === null
    ? null
    : { code: row.staleCode, message: row.staleMessage ?? "", since: row.staleSince };
}

/** Presents a linked epic; `baseUrl` is the portfolio's Jira site. */
export function epicView(row: EpicRow, baseUrl: string): EpicView {
  return {
    key: row.epicKey,
    initiativeId: row.initiativeId,
    projectKey: row.projectKey,
    url: `${baseUrl}/browse/${encodeURIComponent(row.epicKey)}`,
    summary: row.summary,
    status: { name: row.statusName, category: row.statusCategory },
    progress: {
      byCount: ratio(row.doneCount, row.totalCount),
      byStoryPoints:
        row.donePoints === null || row.totalPoints === null ? null : ratio(row.donePoints, row.totalPoints),
    },
    syncedAt: row.syncedAt,
    stale: staleOf(row),
    linkedAt: row.linkedAt,
  };
}
