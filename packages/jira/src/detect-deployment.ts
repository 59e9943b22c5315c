import {
  createJiraClient,
  deploymentOf,
  type JiraClientOptions,
  type JiraDeployment,
  type JiraServerInfo,
} from "./jira-client.ts";

/** What a site says it is. */
export interface DetectedDeployment {
  /** Null when the site does not say (very old servers). */
  deployment: JiraDeployment | null;
  info: JiraServerInfo;
}

/**
 * Asks a site what it is, anonymously: `GET /rest/api/2/serverInfo` answers on Cloud and on Data Center alike
 * (`deploymentType` "Cloud", "Server" or "DataCenter"), so no credential is sent before the type is known.
 */
export async function detectDeployment(
  options: Omit<JiraClientOptions, "deployment" | "email" | "apiToken" | "personalAccessToken">,
): Promise<DetectedDeployment> {
  const info = await createJiraClient({ ...options, deployment: "dataCenter" }).serverInfo();
  return { deployment: deploymentOf(info.deploymentType), info };
}
