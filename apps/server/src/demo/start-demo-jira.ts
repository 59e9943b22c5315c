import { createJiraEmulator, type JiraEmulator } from "@goalpost/jira-emulator";

/**
 * The Jira account the demo's Jira emulator accepts (a site admin who sees every project); on a Data Center
 * emulator the token is the account's personal access token.
 */
export const DEMO_JIRA_ACCOUNT = { email: "ada@example.com", token: "demo-jira-token" } as const;

/** The demo Jira account's secrets on each kind of Jira: an e-mail and API token, or a personal access token. */
export function demoJiraSecrets(deployment: "cloud" | "data-center") {
  return deployment === "data-center"
    ? { personalAccessToken: DEMO_JIRA_ACCOUNT.token }
    : { email: DEMO_JIRA_ACCOUNT.email, apiToken: DEMO_JIRA_ACCOUNT.token };
}

/** The demo Jira account's credentials as a connection takes them on each kind of Jira. */
export function demoJiraCredentials(deployment: "cloud" | "data-center") {
  return deployment === "data-center"
    ? { deployment: "dataCenter" as const, personalAccessToken: DEMO_JIRA_ACCOUNT.token }
    : { deployment: "cloud" as const, email: DEMO_JIRA_ACCOUNT.email, apiToken: DEMO_JIRA_ACCOUNT.token };
}

/**
 * Starts the bundled Jira emulator (Cloud, or Data Center) with the demo dataset on `port`, or on a free port when that one is
 * taken (or 0), standing in for the company's Jira.
 */
export async function startDemoJira(
  port: number,
  deployment: "cloud" | "data-center" = "cloud",
): Promise<JiraEmulator> {
  const options = {
    deployment,
    dataset: { name: "demo" as const },
    users: [{ ...DEMO_JIRA_ACCOUNT, displayName: "Ada Admin" }],
  };
  if (port === 0) return createJiraEmulator({ ...options, listen: true });
  try {
    return await createJiraEmulator({ ...options, listen: port });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") {
      return createJiraEmulator({ ...options, listen: true });
    }
    throw error;
  }
}
