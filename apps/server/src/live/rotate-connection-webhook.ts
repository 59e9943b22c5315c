import { accessConnection } from "../jira-connections/access-connection.ts";
import type { LiveDeps } from "./live-deps.ts";
import { presentWebhook } from "./present-webhook.ts";
import { rotateWebhook } from "./webhook.repo.ts";
import type { WebhookView } from "./webhook-view.ts";

/** A new URL and secret for a connection's webhook (its managers); the old ones are refused from now on. */
export async function rotateConnectionWebhook(
  deps: LiveDeps,
  input: { id: string; userId: string },
): Promise<WebhookView> {
  await accessConnection(deps.db, { ...input, purpose: "manage" });
  return presentWebhook(deps, await rotateWebhook(deps.db, deps.box, input.id, deps.now()));
}
