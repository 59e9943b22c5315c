import { DomainError } from "@goalpost/domain";
import { accessConnection } from "../jira-connections/access-connection.ts";
import type { ConnectionRow } from "../jira-connections/connection.repo.ts";
import { connectionCredentials } from "../jira-connections/connection-credentials.ts";
import type { JiraCredentials } from "../jira-connections/jira-access.ts";
import { savedTokenForSite } from "../jira-connections/saved-token-for-site.ts";
import type { PortfolioRow } from "./portfolio.repo.ts";
import { findJiraConfig } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";

/**
 * What a portfolio's Jira configuration is made of: the portfolio's own credentials (base URL, e-mail and a
 * token — omitted to keep the saved one), or an organisation connection the manager may use.
 */
export type PortfolioJiraChoice =
  | { baseUrl: string; email: string; apiToken?: string | undefined; connectionId?: undefined }
  | { connectionId: string };

/** The credentials a choice resolves to, and the organisation connection when it names one. */
export interface ResolvedChoice {
  credentials: JiraCredentials;
  orgConnection: ConnectionRow | null;
}

/**
 * Resolves `choice` for `userId` configuring `portfolio`. An organisation connection must be one the caller may
 * use under its sharing rules, of the portfolio's organisation, and not another portfolio's own (any other →
 * 404, as for a missing connection). Own credentials without a token use the portfolio's own saved token, only
 * for the site it was saved for (saved-token-for-site.ts); never an organisation connection's token.
 */
export async function resolvePortfolioChoice(
  deps: PortfolioDeps,
  input: { portfolio: PortfolioRow; userId: string; choice: PortfolioJiraChoice },
): Promise<ResolvedChoice> {
  const { choice, portfolio } = input;
  if (choice.connectionId !== undefined) {
    const connection = await accessConnection(deps.db, {
      id: choice.connectionId,
      userId: input.userId,
      purpose: "use",
    });
    const { row } = connection;
    if (row.orgId !== portfolio.orgId || (row.portfolioId !== null && row.portfolioId !== portfolio.id)) {
      throw new DomainError("not_found", "Jira connection not found.");
    }
    return {
      credentials: connectionCredentials(deps.box, row),
      orgConnection: row.portfolioId === null ? row : null,
    };
  }
  const apiToken = choice.apiToken ?? (await savedToken(deps, portfolio.id, choice.baseUrl));
  return { credentials: { baseUrl: choice.baseUrl, email: choice.email, apiToken }, orgConnection: null };
}

/**
 * The portfolio's own saved token in clear for a call to `baseUrl`, or a validation error asking for one when
 * the portfolio has no connection of its own (none yet, or it reads through an organisation connection) or
 * `baseUrl` is another site than the one it was saved for.
 */
export async function savedToken(deps: PortfolioDeps, portfolioId: string, baseUrl: string): Promise<string> {
  const config = await findJiraConfig(deps.db, portfolioId);
  if (!config?.ownConnection) {
    throw new DomainError("validation_failed", "An API token is required.", {
      fields: { apiToken: "required" },
    });
  }
  return savedTokenForSite(deps.box, config, baseUrl);
}
