import type { JiraClient } from "@goalpost/jira";
import { connectionCredentials } from "../jira-connections/connection-credentials.ts";
import { type OrgJiraAccess, openJiraClient } from "../jira-connections/jira-access.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import type { JiraConfigRow } from "./portfolio.repo.ts";

/**
 * A read-only Jira client on the connection the portfolio reads through (Cloud or Data Center; the token
 * unsealed only in memory).
 */
export function openPortfolioJira(
  access: OrgJiraAccess,
  box: SecretBox,
  config: Pick<JiraConfigRow, "baseUrl" | "deployment" | "email" | "apiTokenSealed">,
): JiraClient {
  return openJiraClient(access, connectionCredentials(box, config));
}
