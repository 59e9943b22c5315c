import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { jiraConnections } from "./jira.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Sync bookkeeping of one Jira connection: when it last synced, why it failed, when it is due, and the
 * lease that keeps one sync per connection at a time across worker processes.
 */
export const jiraSyncStates = pgTable(
  "jira_sync_states",
  {
    connectionId: text("connection_id")
      .primaryKey()
      .references(() => jiraConnections.id, { onDelete: "cascade" }),
    /** Start of the last successful full sync: issues updated after it (minus skew) are re-read. */
    changeCursorAt: at("change_cursor_at"),
    lastAttemptAt: at("last_attempt_at"),
    lastSuccessAt: at("last_success_at"),
    lastErrorCode: text("last_error_code"),
    lastErrorMessage: text("last_error_message"),
    failingSince: at("failing_since"),
    failureCount: integer("failure_count").notNull().default(0),
    /** Set when Jira refused the credentials: no call is made until the token is changed. */
    brokenAt: at("broken_at"),
    nextDueAt: at("next_due_at").notNull().defaultNow(),
    /** Field ids the cached issues hold; a sync needing more re-reads the cache. */
    cachedFields: jsonb("cached_fields").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    leaseOwner: text("lease_owner"),
    leaseUntil: at("lease_until"),
    /** Jira requests made by the last sync (observability). */
    lastRequestCount: integer("last_request_count"),
  },
  (table) => [index("jira_sync_states_next_due_idx").on(table.nextDueAt)],
);

/** One distinct JQL of a connection and the ids of the issues it matched at the last sync. */
export const jiraQueries = pgTable(
  "jira_queries",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => jiraConnections.id, { onDelete: "cascade" }),
    /** SHA-256 of the JQL (the JQL itself may be too long for an index). */
    jqlHash: text("jql_hash").notNull(),
    jql: text("jql").notNull(),
    issueIds: jsonb("issue_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    syncedAt: at("synced_at"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    errorSince: at("error_since"),
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.jqlHash] })],
);

/** The numeric fields of a cached issue, by Jira field id (`timespent`, `customfield_10016`, …). */
export type CachedIssueNumbers = Record<string, number | null>;

/** A connection's cached copy of an issue some linked item matches: just what the metrics and drill-down need. */
export const jiraIssues = pgTable(
  "jira_issues",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => jiraConnections.id, { onDelete: "cascade" }),
    issueId: text("issue_id").notNull(),
    key: text("key").notNull(),
    summary: text("summary").notNull().default(""),
    statusName: text("status_name").notNull().default(""),
    statusCategoryKey: text("status_category_key").notNull(),
    issueType: text("issue_type").notNull().default(""),
    numbers: jsonb("numbers").$type<CachedIssueNumbers>().notNull(),
    /** Jira's `updated` of the copy. */
    updated: text("updated"),
    fetchedAt: at("fetched_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.issueId] })],
);
