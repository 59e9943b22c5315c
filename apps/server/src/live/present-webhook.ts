import type { LiveDeps } from "./live-deps.ts";
import { listCachedProjectKeys, projectFilterJql } from "./suggested-jql.ts";
import { type WebhookRow, webhookHealth } from "./webhook.repo.ts";
import { liveSpeedOf, WEBHOOK_EVENTS, type WebhookView, webhookUrl } from "./webhook-view.ts";

const DAY_MS = 86_400_000;

/** A webhook row as its managers see it: URL, secret, events, suggested JQL filter, health and speed. */
export async function presentWebhook(deps: LiveDeps, row: WebhookRow): Promise<WebhookView> {
  const health = await webhookHealth(deps.db, row.connectionId, new Date(deps.now().getTime() - DAY_MS));
  return {
    url: webhookUrl(deps.publicUrl, row.hookId),
    secret: deps.box.open(row.secretSealed),
    events: [...WEBHOOK_EVENTS],
    jqlFilter: projectFilterJql(await listCachedProjectKeys(deps.db, row.connectionId)),
    speed: liveSpeedOf(health, deps.changeProbe),
    ...health,
  };
}
