import type { JiraProject } from "@goalpost/jira";
import { callJira } from "../jira-connections/jira-failure.ts";
import { jiraAccessForOrg } from "../jira-connections/org-jira-gate.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { openPortfolioJira } from "./open-portfolio-jira.ts";
import { listLinkedProjectRows } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { requireJiraConfig } from "./require-jira-config.ts";

/** A project the token can see, and whether it is linked already. */
export type AvailableProject = JiraProject & { linked: boolean };

/** Most projects one search returns. */
const AVAILABLE_LIMIT = 200;

/** Projects the portfolio's token can see whose key or name contains `query` (Portfolio Managers). */
export async function listAvailableProjects(
  deps: PortfolioDeps,
  input: { portfolioId: string; userId: string; query?: string | undefined },
): Promise<AvailableProject[]> {
  const { row } = await accessPortfolio(deps.db, {
    id: input.portfolioId,
    userId: input.userId,
    action: "jira.projects.link",
  });
  const access = await jiraAccessForOrg(deps, row.orgId);
  const config = await requireJiraConfig(deps.db, row.id);
  const jira = openPortfolioJira(access, deps.box, config);
  const [projects, linked] = await Promise.all([
    callJira(() => jira.listProjects(input.query, { limit: AVAILABLE_LIMIT })),
    listLinkedProjectRows(deps.db, row.id),
  ]);
  const linkedKeys = new Set(linked.map((p) => p.projectKey));
  return projects.map((p) => ({ ...p, linked: linkedKeys.has(p.key.toUpperCase()) }));
}
