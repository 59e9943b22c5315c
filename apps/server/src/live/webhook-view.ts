import type { WebhookHealth } from "./webhook.repo.ts";

/** The issue events a Goalpost webhook asks Jira for. */
export const WEBHOOK_EVENTS = ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"] as const;

/**
 * How quickly a connection follows Jira: `webhook` (seconds; a delivery arrived in the last 24 h), `probe`
 * (about a minute: one cheap search per minute), or `hourly` (the scheduled full sync only).
 */
export type LiveSpeed = "webhook" | "probe" | "hourly";

/** A connection's inbound webhook as its managers see it (the secret included: they paste it into Jira). */
export interface WebhookView extends WebhookHealth {
  url: string;
  secret: string;
  events: string[];
  jqlFilter: string | null;
  speed: LiveSpeed;
}

/** Which speed a connection is on, from its webhook's health and whether the change probe runs. */
export function liveSpeedOf(health: Pick<WebhookHealth, "deliveries24h">, probeOn: boolean): LiveSpeed {
  if (health.deliveries24h > 0) return "webhook";
  return probeOn ? "probe" : "hourly";
}

/** The delivery URL of hook `hookId`. */
export function webhookUrl(publicUrl: string, hookId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/api/v1/hooks/jira/${hookId}`;
}
