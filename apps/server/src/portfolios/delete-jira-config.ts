import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { jiraConnections, portfolioJiraConfigs } from "../db/schema/index.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { requireJiraConfig } from "./require-jira-config.ts";

/**
 * Deletes the portfolio's Jira configuration (Portfolio Managers of the same company): every linked project is
 * unlinked, and so every epic is detached from its initiative (foreign-key cascades). The portfolio's own
 * connection goes with it (its cache, queries and webhook too); an organisation connection stays. Jira is
 * untouched.
 */
export async function deleteJiraConfig(
  db: Db,
  input: { portfolioId: string; userId: string },
): Promise<void> {
  await accessPortfolio(db, { id: input.portfolioId, userId: input.userId, action: "jira.configure" });
  const config = await requireJiraConfig(db, input.portfolioId);
  await db.transaction(async (tx) => {
    await tx.delete(portfolioJiraConfigs).where(eq(portfolioJiraConfigs.portfolioId, input.portfolioId));
    if (config.ownConnection) {
      await tx.delete(jiraConnections).where(eq(jiraConnections.id, config.connectionId));
    }
  });
}
