import { accessConnection } from "../jira-connections/access-connection.ts";
import type { LiveDeps } from "./live-deps.ts";
import { presentWebhook } from "./present-webhook.ts";
import { ensureWebhook } from "./webhook.repo.ts";
import type { WebhookView } from "./webhook-view.ts";

/**
 * A connection's inbound webhook for those who manage the connection (its creator, an admin): URL, secret,
 * events, a suggested JQL filter (the projects its items read) and its health. Created on first sight.
 */
export async function getWebhook(
  deps: LiveDeps,
  input: { id: string; userId: string },
): Promise<WebhookView> {
  await accessConnection(deps.db, { ...input, purpose: "manage" });
  return presentWebhook(deps, await ensureWebhook(deps.db, deps.box, input.id, deps.now()));
}
