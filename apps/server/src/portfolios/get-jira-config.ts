import type { Db } from "../db/database.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { type JiraConfigView, jiraConfigView } from "./jira-config-view.ts";
import { listLinkedProjectRows } from "./portfolio.repo.ts";
import { requireJiraConfig } from "./require-jira-config.ts";

/** The integration card (never the token); any reader of the portfolio. 404 when not configured. */
export async function getJiraConfig(
  db: Db,
  input: { portfolioId: string; userId: string },
): Promise<JiraConfigView> {
  await accessPortfolio(db, { id: input.portfolioId, userId: input.userId, action: "portfolio.read" });
  const config = await requireJiraConfig(db, input.portfolioId);
  return jiraConfigView(db, config, await listLinkedProjectRows(db, input.portfolioId));
}
