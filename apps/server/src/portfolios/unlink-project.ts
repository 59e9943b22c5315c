import { DomainError } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { portfolioJiraProjects } from "../db/schema/index.ts";
import { accessPortfolio } from "./access-portfolio.ts";

/**
 * Unlinks a Jira project from the portfolio (Portfolio Managers of the same company); its epics are detached
 * from their initiatives by the foreign-key cascade. Allowed while the org's Jira switch is off: it only
 * removes. Jira is untouched.
 */
export async function unlinkProject(
  db: Db,
  input: { portfolioId: string; userId: string; key: string },
): Promise<void> {
  await accessPortfolio(db, { id: input.portfolioId, userId: input.userId, action: "jira.projects.link" });
  const removed = await db
    .delete(portfolioJiraProjects)
    .where(
      and(
        eq(portfolioJiraProjects.portfolioId, input.portfolioId),
        eq(portfolioJiraProjects.projectKey, input.key.toUpperCase()),
      ),
    )
    .returning({ key: portfolioJiraProjects.projectKey });
  if (removed.length === 0) {
    throw new DomainError("not_found", `Project ${input.key.toUpperCase()} is not linked to this portfolio.`);
  }
}
