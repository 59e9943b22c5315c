import type { JiraClient } from "@goalpost/jira";
import { type OrgJiraAccess, openJiraClient } from "../jira-connections/jira-access.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import type { JiraConfigRow } from "./portfolio.repo.ts";

/** A read-only Jira client on the portfolio's own configuration (the token unsealed only in memory). */
export function openPortfolioJira(
  access: OrgJiraAccess,
  box: SecretBox,
  config: Pick<JiraConfigRow, "baseUrl" | "email" | "apiTokenSealed">,
): JiraClient {
  return openJiraClient(access, {
    baseUrl: config.baseUrl,
    email: config.email,
    apiToken: box.open(config.apiTokenSealed),
  });
}
