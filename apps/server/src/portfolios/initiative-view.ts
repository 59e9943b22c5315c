import { type InitiativeProgress, rollupInitiative } from "@goalpost/domain";
import type { EpicRow, InitiativeRow } from "./portfolio.repo.ts";

/** An initiative as the API shows it, with progress rolled up from its epics' cached progress. */
export interface InitiativeView {
  id: string;
  portfolioId: string;
  title: string;
  description: string;
  owner: { id: string; name: string } | null;
  status: InitiativeRow["status"];
  startDate: string | null;
  dueDate: string | null;
  progress: InitiativeProgress;
  epicCount: number;
  /** Oldest sync among its epics (null when none synced). */
  syncedAt: Date | null;
  /** Whether any of its epics shows stale values. */
  hasStaleEpics: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Presents an initiative with its epics' rollup; `ownerName` comes from the users table. */
export function initiativeView(
  row: InitiativeRow,
  epics: readonly EpicRow[],
  ownerName: string | null,
): InitiativeView {
  const synced = epics.map((e) => e.syncedAt).filter((d) => d !== null);
  return {
    id: row.id,
    portfolioId: row.portfolioId,
    title: row.title,
    description: row.description,
    owner: row.ownerId === null ? null : { id: row.ownerId, name: ownerName ?? "" },
    status: row.status,
    startDate: row.startDate,
    dueDate: row.dueDate,
    progress: rollupInitiative(
      epics.map((e) => ({
        byCount: { done: e.doneCount, total: e.totalCount },
        byStoryPoints:
          e.donePoints === null || e.totalPoints === null
            ? null
            : { done: e.donePoints, total: e.totalPoints },
      })),
    ),
    epicCount: epics.length,
    syncedAt: synced.length === 0 ? null : new Date(Math.min(...synced.map((d) => d.getTime()))),
    hasStaleEpics: epics.some((e) => e.staleCode !== null),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
