import { DomainError } from "@goalpost/domain";
import type { JiraDeployment } from "@goalpost/jira";
import { accessConnection } from "../jira-connections/access-connection.ts";
import type { ConnectionRow } from "../jira-connections/connection.repo.ts";
import { connectionCredentials } from "../jira-connections/connection-credentials.ts";
import type { JiraCredentials } from "../jira-connections/jira-access.ts";
import { savedTokenForSite } from "../jira-connections/saved-token-for-site.ts";
import type { PortfolioRow } from "./portfolio.repo.ts";
import { findJiraConfig } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";

/**
 * The portfolio's own credentials: a Cloud site (e-mail and API token) or a Data Center one (personal access
 * token). The token may be omitted to keep the saved one; the deployment, to keep the saved connection's.
 */
export interface OwnJiraCredentials {
  baseUrl: string;
  deployment?: JiraDeployment | undefined;
  email?: string | undefined;
  apiToken?: string | undefined;
  personalAccessToken?: string | undefined;
  connectionId?: undefined;
}

/**
 * What a portfolio's Jira configuration is made of: the portfolio's own credentials, or an organisation
 * connection the manager may use.
 */
export type PortfolioJiraChoice = OwnJiraCredentials | { connectionId: string };

/** The credentials a choice resolves to, and the organisation connection when it names one. */
export interface ResolvedChoice {
  credentials: JiraCredentials;
  orgConnection: ConnectionRow | null;
  /** Whether the choice brought a new token for the portfolio's own connection (to seal). */
  newSecret: boolean;
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
      newSecret: false,
    };
  }
  const config = await findJiraConfig(deps.db, portfolio.id);
  const saved = config?.ownConnection ? config : null;
  const deployment = choice.deployment ?? saved?.deployment ?? "cloud";
  const email = requireSecretsOf(deployment, choice);
  const given = deployment === "dataCenter" ? choice.personalAccessToken : choice.apiToken;
  if (given !== undefined) {
    return {
      credentials: { baseUrl: choice.baseUrl, deployment, email, apiToken: given },
      orgConnection: null,
      newSecret: true,
    };
  }
  // The saved token only for the same kind of Jira and the same site (saved-token-for-site.ts).
  if (!saved || saved.deployment !== deployment) throw tokenRequired(deployment);
  const apiToken = savedTokenForSite(deps.box, saved, choice.baseUrl);
  return {
    credentials: { baseUrl: choice.baseUrl, deployment, email, apiToken },
    orgConnection: null,
    newSecret: false,
  };
}

/** The secret field a deployment takes: Cloud's API token, Data Center's personal access token. */
function secretField(deployment: JiraDeployment): "apiToken" | "personalAccessToken" {
  return deployment === "dataCenter" ? "personalAccessToken" : "apiToken";
}

function tokenRequired(deployment: JiraDeployment): DomainError {
  const field = secretField(deployment);
  return new DomainError(
    "validation_failed",
    deployment === "dataCenter" ? "A personal access token is required." : "An API token is required.",
    { fields: { [field]: "required" } },
  );
}

/**
 * Checks that own credentials are of `deployment`'s kind — Cloud: an e-mail, no personal access token; Data
 * Center: neither e-mail nor API token (the token names its user) — and returns the e-mail to store.
 */
function requireSecretsOf(deployment: JiraDeployment, choice: OwnJiraCredentials): string {
  if (deployment === "cloud") {
    if (choice.personalAccessToken !== undefined) {
      throw new DomainError(
        "validation_failed",
        "A personal access token is for Jira Data Center: Jira Cloud takes an e-mail and API token.",
        { fields: { personalAccessToken: "only for Data Center" } },
      );
    }
    if (choice.email === undefined) {
      throw new DomainError("validation_failed", "Jira Cloud needs the account's e-mail.", {
        fields: { email: "required for Jira Cloud" },
      });
    }
    return choice.email;
  }
  const wrong = choice.apiToken !== undefined ? "apiToken" : choice.email !== undefined ? "email" : null;
  if (wrong) {
    throw new DomainError(
      "validation_failed",
      "Jira Data Center takes a personal access token (it names its user), not an e-mail and API token.",
      { fields: { [wrong]: "only for Jira Cloud" } },
    );
  }
  return "";
}
