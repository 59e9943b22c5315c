import { DomainError, isSameJiraSite } from "@goalpost/domain";
import type { SecretBox } from "../secrets/secret-box.ts";

/**
 * The saved Jira token (API token, or Data Center personal access token) in clear, for a call to `baseUrl` — only when `baseUrl` is the site the token was saved
 * for. Any other site gets a validation error asking for the token again, so a stored secret can never be
 * sent elsewhere by editing only the address (an admin could otherwise collect a member's token).
 */
export function savedTokenForSite(
  box: SecretBox,
  saved: { baseUrl: string; apiTokenSealed: string; deployment?: "cloud" | "dataCenter" },
  baseUrl: string,
): string {
  if (!isSameJiraSite(saved.baseUrl, baseUrl)) {
    const dataCenter = saved.deployment === "dataCenter";
    throw new DomainError(
      "validation_failed",
      `A new Jira site needs its ${dataCenter ? "personal access token" : "API token"}: the saved token is only ever sent to the site it was saved for.`,
      { fields: { [dataCenter ? "personalAccessToken" : "apiToken"]: "required for a new site" } },
    );
  }
  return box.open(saved.apiTokenSealed);
}
