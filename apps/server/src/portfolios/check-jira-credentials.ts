import { DomainError } from "@goalpost/domain";
import type { JiraProject } from "@goalpost/jira";
import { openJiraClient } from "../jira-connections/jira-access.ts";
import { jiraAccessForOrg } from "../jira-connections/org-jira-gate.ts";
import { savedTokenForSite } from "../jira-connections/saved-token-for-site.ts";
import { type VerifiedCredentials, verifyCredentials } from "../jira-connections/verify-credentials.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { findJiraConfig } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { listVisibleProjects } from "./visible-projects.ts";

/** What the wizard's second step learns before moving on. */
export interface CheckedCredentials extends VerifiedCredentials {
  /** The projects the token can see, for the third step. */
  projects: JiraProject[];
}

/**
 * Checks a Jira URL, e-mail and token against Jira without saving anything (Portfolio Managers of the same
 * company): `/myself`, `/serverInfo`, then the projects the token can see. Jira's refusal comes back as 422
 * with Jira's own messages. Without `apiToken`, the saved token is used (editing other fields of the same site).
 */
export async function checkJiraCredentials(
  deps: PortfolioDeps,
  input: {
    portfolioId: string;
    userId: string;
    baseUrl: string;
    email: string;
    apiToken?: string | undefined;
  },
): Promise<CheckedCredentials> {
  const { row } = await accessPortfolio(deps.db, {
    id: input.portfolioId,
    userId: input.userId,
    action: "jira.configure",
  });
  const access = await jiraAccessForOrg(deps, row.orgId);
  const apiToken = input.apiToken ?? (await savedToken(deps, input.portfolioId, input.baseUrl));
  const credentials = { baseUrl: input.baseUrl, email: input.email, apiToken };
  const verified = await verifyCredentials(access, credentials);
  const projects = await listVisibleProjects(openJiraClient(access, credentials));
  return { ...verified, projects };
}

/**
 * The saved token in clear for a call to `baseUrl`, or a validation error asking for one when nothing is saved
 * or `baseUrl` is another site than the one it was saved for.
 */
export async function savedToken(deps: PortfolioDeps, portfolioId: string, baseUrl: string): Promise<string> {
  const config = await findJiraConfig(deps.db, portfolioId);
  if (!config) {
    throw new DomainError("validation_failed", "An API token is required.", {
      fields: { apiToken: "required" },
    });
  }
  return savedTokenForSite(deps.box, config, baseUrl);
}
