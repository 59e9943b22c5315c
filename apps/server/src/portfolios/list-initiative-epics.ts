import type { Db } from "../db/database.ts";
import { accessInitiative } from "./access-initiative.ts";
import { type EpicView, epicView } from "./epic-view.ts";
import { listInitiativeEpicRows } from "./initiative.repo.ts";
import { findJiraConfig } from "./portfolio.repo.ts";

/** The epics linked to an initiative with their cached progress (any reader, externals included). */
export async function listInitiativeEpics(
  db: Db,
  input: { id: string; userId: string },
): Promise<EpicView[]> {
  const { initiative } = await accessInitiative(db, { ...input, action: "portfolio.read" });
  const config = await findJiraConfig(db, initiative.portfolioId);
  if (!config) return [];
  return (await listInitiativeEpicRows(db, initiative.id)).map((row) => epicView(row, config.baseUrl));
}
