import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { portfolioJiraConfigs } from "../db/schema/index.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { requireJiraConfig } from "./require-jira-config.ts";

/**
 * Deletes the portfolio's Jira configuration (Portfolio Managers of the same company): every linked project is
 * unlinked, and so every epic is detached from its initiative (foreign-key cascades). Jira is untouched.
 */
export async function deleteJiraConfig(
  db: Db,
  input: { portfolioId: string; userId: string },
): Promise<void> {
  await accessPortfolio(db, { id: input.portfolioId, userId: input.userId, action: "jira.configure" });
  await requireJiraConfig(db, input.portfolioId);
  await db.delete(portfolioJiraConfigs).where(eq(portfolioJiraConfigs.portfolioId, input.portfolioId));
}
