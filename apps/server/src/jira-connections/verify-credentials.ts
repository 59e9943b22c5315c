import { DomainError } from "@goalpost/domain";
import { detectDeployment, isJiraError, type JiraDeployment } from "@goalpost/jira";
import type { JiraCredentials, OrgJiraAccess } from "./jira-access.ts";
import { openJiraClient } from "./jira-access.ts";
import { callJira } from "./jira-failure.ts";

/** What a successful connection test learnt. */
export interface VerifiedCredentials {
  account: { accountId: string; displayName: string };
  serverTitle: string | null;
  /** The site's deployment as its `serverInfo` says (`cloud` when it does not say). */
  deployment: JiraDeployment;
}

const NAMES: Record<JiraDeployment, string> = {
  cloud: "Jira Cloud",
  dataCenter: "Jira Data Center / Server",
};

/** The 400 for credentials of one kind of Jira pointed at the other kind. */
export function deploymentMismatch(chosen: JiraDeployment, found: JiraDeployment): DomainError {
  const advice =
    found === "dataCenter"
      ? "Choose Data Center and paste a personal access token (Jira profile → Personal Access Tokens) instead of an e-mail and API token."
      : "Choose Cloud and give the account e-mail and an API token (id.atlassian.com → Security → API tokens) instead of a personal access token.";
  const message = `This site is ${NAMES[found]}, but the connection is set up for ${NAMES[chosen]}. ${advice}`;
  // The whole message is the deployment field's: a form shows it under its choice of the kind of Jira.
  return new DomainError("validation_failed", message, {
    fields: { deployment: message },
    detectedDeployment: found,
  });
}

/** What the site says it is, asked anonymously; null when it will not say (then the credentials decide). */
async function detected(access: OrgJiraAccess, baseUrl: string): Promise<JiraDeployment | null> {
  try {
    const found = await detectDeployment({
      baseUrl,
      allowHosts: access.allowHosts,
      timeoutMs: access.timeoutMs ?? 10_000,
      retry: { maxAttempts: 2, maxRetryAfterMs: 0, ...access.retry },
    });
    return found.deployment;
  } catch (error) {
    // A site that hides serverInfo from anonymous callers still gets its credentials tested below.
    if (isJiraError(error) && ["bad_credentials", "forbidden", "not_found"].includes(error.kind)) return null;
    throw error;
  }
}

/**
 * Tests credentials the way Jira will be used: what the site is (anonymous `serverInfo`: a PAT pointed at
 * Cloud, or an e-mail and API token pointed at Data Center, is refused with a 400 naming the mismatch before
 * any secret is sent), then `GET /myself` (who the token belongs to) and `GET /serverInfo`. Throws the mapped
 * domain error (422 with Jira's messages, 429, 502, 504) on failure.
 */
export async function verifyCredentials(
  access: OrgJiraAccess,
  credentials: JiraCredentials,
): Promise<VerifiedCredentials> {
  const chosen = credentials.deployment ?? "cloud";
  return callJira(async () => {
    const site = await detected(access, credentials.baseUrl);
    if (site !== null && site !== chosen) throw deploymentMismatch(chosen, site);
    const jira = openJiraClient(access, credentials);
    const user = await jira.myself();
    const info = await jira.serverInfo();
    return {
      account: { accountId: user.accountId, displayName: user.displayName },
      serverTitle: info.serverTitle ?? null,
      deployment: site ?? chosen,
    };
  });
}
