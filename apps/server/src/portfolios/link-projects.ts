import { eq } from "drizzle-orm";
import { portfolioJiraConfigs, portfolioJiraProjects } from "../db/schema/index.ts";
import { jiraAccessForOrg } from "../jira-connections/org-jira-gate.ts";
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
  const access = await jiraAccessForOrg(deps, row.orgId);
  const config = await requireJiraConfig(deps.db, row.id);
  const visible = await listVisibleProjects(openPortfolioJira(access, deps.box, config));
  await deps.db.transaction(async (tx) => {
    // Concurrent links of one portfolio serialise on its configuration row, so the limit holds.
    await tx
      .select({ id: portfolioJiraConfigs.portfolioId })
      .from(portfolioJiraConfigs)
      .where(eq(portfolioJiraConfigs.portfolioId, row.id))
      .for("update");
    const linked = await listLinkedProjectRows(tx, row.id);
    const toLink = pickProjectsToLink(
      visible,
      linked.map((p) => p.projectKey),
      input.keys,
    );
    if (toLink.length === 0) return;
    const now = deps.now();
    await tx.insert(portfolioJiraProjects).values(
      toLink.map((p) => ({
        portfolioId: row.id,
        projectKey: p.key.toUpperCase(),
        projectId: p.id,
        name: p.name,
        avatarUrl: p.avatarUrl ?? null,
        linkedBy: input.userId,
        linkedAt: now,
      })),
    );
  });
  return (await listLinkedProjectRows(deps.db, row.id)).map((p) => linkedProjectView(p, config.baseUrl));
}
