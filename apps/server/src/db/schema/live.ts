import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { jiraConnections } from "./jira.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A connection's inbound Jira webhook: the unguessable id in its URL and the HMAC secret a Jira admin
 * registers with it (sealed at rest, shown to the connection's managers). Rotating replaces both.
 */
export const jiraWebhooks = pgTable("jira_webhooks", {
  connectionId: text("connection_id")
    .primaryKey()
    .references(() => jiraConnections.id, { onDelete: "cascade" }),
  hookId: text("hook_id").notNull().unique(),
  secretSealed: text("secret_sealed").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
  rotatedAt: at("rotated_at"),
});

/** Outcomes of a delivery: done something, seen before (Jira's retry), or refused (bad signature, body). */
export const WEBHOOK_DELIVERY_OUTCOMES = ["accepted", "duplicate", "refused"] as const;

/**
 * One delivery to a connection's webhook, kept a week for its health (last delivery, counts over 24 h) and to
 * recognise Jira's retries by `x-atlassian-webhook-identifier`.
 */
export const jiraWebhookDeliveries = pgTable(
  "jira_webhook_deliveries",
  {
    id: text("id").primaryKey(),
    connectionId: text("connection_id")
      .notNull()
      .references(() => jiraConnections.id, { onDelete: "cascade" }),
    /** Jira's `x-atlassian-webhook-identifier` (the same across its retries of one event). */
    identifier: text("identifier"),
    outcome: text("outcome", { enum: WEBHOOK_DELIVERY_OUTCOMES }).notNull(),
    reason: text("reason"),
    event: text("event"),
    issueKey: text("issue_key"),
    receivedAt: at("received_at").notNull().defaultNow(),
  },
  (table) => [
    index("jira_webhook_deliveries_connection_idx").on(table.connectionId, table.receivedAt),
    uniqueIndex("jira_webhook_deliveries_identifier_idx")
      .on(table.connectionId, table.identifier)
      .where(sql`${table.outcome} = 'accepted'`),
  ],
);

/**
 * The change probe's place in a connection's stream of changes: the newest Jira `updated` it has seen, so
 * each change triggers one targeted re-sync however many probes still see it in their window.
 */
export const jiraChangeProbes = pgTable("jira_change_probes", {
  connectionId: text("connection_id")
    .primaryKey()
    .references(() => jiraConnections.id, { onDelete: "cascade" }),
  seenUpTo: at("seen_up_to"),
  probedAt: at("probed_at").notNull(),
  /** Jira requests made by the last probe (observability; 1 when nothing changed). */
  lastRequestCount: integer("last_request_count").notNull().default(0),
});

/**
 * Issues Jira said changed (webhook deliveries, change probes) that no live re-sync has read yet: the next one
 * reads only the queries they can affect (live/affected-queries.ts), then deletes what it consumed. A full
 * sync reads everything, so it consumes them too.
 */
export const jiraPendingChanges = pgTable(
  "jira_pending_changes",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => jiraConnections.id, { onDelete: "cascade" }),
    /** `id:<issue id>` or `key:<issue key>` (an event may carry either), or `all:` for a change of unknown issue. */
    ref: text("ref").notNull(),
    issueId: text("issue_id"),
    issueKey: text("issue_key"),
    parentKey: text("parent_key"),
    recordedAt: at("recorded_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.ref] })],
);
