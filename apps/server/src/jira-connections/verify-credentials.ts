import type { JiraCredentials, OrgJiraAccess } from "./jira-access.ts";
import { openJiraClient } from "./jira-access.ts";
import { callJira } from "./jira-failure.ts";

/** What a successful connection test learnt. */
export interface VerifiedCredentials {
  account: { accountId: string; displayName: string };
  serverTitle: string | null;
}

/**
 * Tests credentials the way Jira will be used: `GET /myself` (who the token belongs to), then
 * `GET /serverInfo`. Throws the mapped domain error (422 with Jira's messages, 429, 502, 504) on failure.
 */
export async function verifyCredentials(
  access: OrgJiraAccess,
  credentials: JiraCredentials,
): Promise<VerifiedCredentials> {
  return callJira(async () => {
    const jira = openJiraClient(access, credentials);
    const user = await jira.myself();
    const info = await jira.serverInfo();
    return {
      account: { accountId: user.accountId, displayName: user.displayName },
      serverTitle: info.serverTitle ?? null,
    };
  });
}
