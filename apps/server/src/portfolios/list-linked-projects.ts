import type { Db } from "../db/database.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { type LinkedProjectView, linkedProjectView } from "./linked-project-view.ts";
import { listLinkedProjectRows } from "./portfolio.repo.ts";
import { requireJiraConfig } from "./require-jira-config.ts";

/** The portfolio's linked Jira projects (any reader; at most 20, so never paged). */
export async function listLinkedProjects(
  db: Db,
  input: { portfolioId: string; userId: string },
): Promise<LinkedProjectView[]> {
  await accessPortfolio(db, { id: input.portfolioId, userId: input.userId, action: "portfolio.read" });
  const config = await requireJiraConfig(db, input.portfolioId);
  return (await listLinkedProjectRows(db, input.portfolioId)).map((p) =>
    linkedProjectView(p, config.baseUrl),
  );
}
