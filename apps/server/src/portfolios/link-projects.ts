import { portfolioJiraProjects } from "../db/schema/index.ts";
import { requireJiraEnabled } from "../jira-connections/access-connection.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { type LinkedProjectView, linkedProjectView } from "./linked-project-view.ts";
import { openPortfolioJira } from "./open-portfolio-jira.ts";
import { listLinkedProjectRows } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { requireJiraConfig } from "./require-jira-config.ts";
import { listVisibleProjects, pickProjectsToLink } from "./visible-projects.ts";

/**
 * Links Jira projects to the portfolio (Portfolio Managers of the same company): only projects the token can
 * see, at most 20 in all (409 past it). Already linked keys are ignored. Returns every linked project.
 */
export async function linkProjects(
  deps: PortfolioDeps,
  input: { portfolioId: string; userId: string; keys: readonly string[] },
): Promise<LinkedProjectView[]> {
  const { row } = await accessPortfolio(deps.db, {
    id: input.portfolioId,
    userId: input.userId,
    action: "jira.projects.link",
  });
  await requireJiraEnabled(deps.db, row.orgId);
  const config = await requireJiraConfig(deps.db, row.id);
  const visible = await listVisibleProjects(openPortfolioJira(deps, config));
  const linked = await listLinkedProjectRows(deps.db, row.id);
  const toLink = pickProjectsToLink(
    visible,
    linked.map((p) => p.projectKey),
    input.keys,
  );
  if (toLink.length > 0) {
    const now = deps.now();
    await deps.db
      .insert(portfolioJiraProjects)
      .values(
        toLink.map((p) => ({
          portfolioId: row.id,
          projectKey: p.key.toUpperCase(),
          projectId: p.id,
          name: p.name,
          avatarUrl: p.avatarUrl ?? null,
          linkedBy: input.userId,
          linkedAt: now,
        })),
      )
      .onConflictDoNothing();
  }
  return (await listLinkedProjectRows(deps.db, row.id)).map((p) => linkedProjectView(p, config.baseUrl));
}
