import { DomainError } from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import { findJiraConfig, type JiraConfigRow } from "./portfolio.repo.ts";

/** The portfolio's Jira configuration, or `not_found` saying it is not configured. */
export async function requireJiraConfig(db: Db | Tx, portfolioId: string): Promise<JiraConfigRow> {
  const config = await findJiraConfig(db, portfolioId);
  if (!config) {
    throw new DomainError(
      "not_found",
      "Jira is not configured for this portfolio: a Portfolio Manager can configure it.",
    );
  }
  return config;
}
