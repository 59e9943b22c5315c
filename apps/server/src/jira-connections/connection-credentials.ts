import type { SecretBox } from "../secrets/secret-box.ts";
import type { ConnectionRow } from "./connection.repo.ts";
import type { JiraCredentials } from "./jira-access.ts";

/** A saved connection's credentials, its secret (API token or personal access token) opened in memory. */
export function connectionCredentials(
  box: SecretBox,
  row: Pick<ConnectionRow, "baseUrl" | "deployment" | "email" | "apiTokenSealed">,
): JiraCredentials {
  return {
    baseUrl: row.baseUrl,
    deployment: row.deployment,
    email: row.email,
    apiToken: box.open(row.apiTokenSealed),
  };
}
