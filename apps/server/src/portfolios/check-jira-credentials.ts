import type { JiraProject } from "@goalpost/jira";
import { openJiraClient } from "../jira-connections/jira-access.ts";
import { jiraAccessForOrg } from "../jira-connections/org-jira-gate.ts";
import { type VerifiedCredentials, verifyCredentials } from "../jira-connections/verify-credentials.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { type PortfolioJiraChoice, resolvePortfolioChoice } from "./portfolio-credentials.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { listVisibleProjects } from "./visible-projects.ts";

/** What the wizard's second step learns before moving on. */
export interface CheckedCredentials extends VerifiedCredentials {
  /** The projects the token can see, for the third step. */
  projects: JiraProject[];
}

/**
 * Checks a Jira URL, e-mail and token — or an organisation connection the caller may use — against Jira without
 * saving anything (Portfolio Managers of the same company): `/myself`, `/serverInfo`, then the projects the
 * token can see. Jira's refusal comes back as 422 with Jira's own messages. Without `apiToken`, the
 * portfolio's own saved token is used (editing other fields of the same site).
 */
export async function checkJiraCredentials(
  deps: PortfolioDeps,
  input: { portfolioId: string; userId: string } & PortfolioJiraChoice,
): Promise<CheckedCredentials> {
  const { portfolioId, userId, ...choice } = input;
  const { row } = await accessPortfolio(deps.db, { id: portfolioId, userId, action: "jira.configure" });
  const access = await jiraAccessForOrg(deps, row.orgId);
  const { credentials } = await resolvePortfolioChoice(deps, { portfolio: row, userId, choice });
  const verified = await verifyCredentials(access, credentials);
  const projects = await listVisibleProjects(openJiraClient(access, credentials));
  return { ...verified, projects };
}
