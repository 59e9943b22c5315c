import type { Measure, Metric } from "@goalpost/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { jiraConnections } from "./jira.ts";
import { organizations } from "./orgs.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Where a Jira-linked key result (or objective) reads its number: a connection, a JQL query, a metric. */
export interface StoredDataSource {
  kind: "jira";
  connectionId: string;
  jql: string;
  metric: Metric;
}

/**
 * The columns every measured item (key result, or objective with its own data source) carries: how it is
 * measured, where its data comes from, and its last good state with the reason it may be stale.
 * A fresh object per table, as Drizzle binds column builders to one table.
 */
function measuredColumns() {
  return {
    /** Null on an objective that rolls up from its key results. */
    measure: jsonb("measure").$type<Measure>(),
    /** Null for manual check-ins. */
    dataSource: jsonb("data_source").$type<StoredDataSource>(),
    /** Copy of `dataSource.connectionId` so the sync engine finds items by connection (and deletes cascade). */
    connectionId: text("connection_id").references(() => jiraConnections.id, { onDelete: "set null" }),
    /** The metric's own number (last good value). */
    value: doublePrecision("value"),
    /** Percent, unclamped; null when there is no data (`noDataReason` says why). */
    progress: doublePrecision("progress"),
    noDataReason: text("no_data_reason"),
    issueCount: integer("issue_count"),
    doneCount: integer("done_count"),
    /** When the value was last confirmed against Jira (or checked in). */
    syncedAt: at("synced_at"),
    /** Why the value may be out of date, and since when; null when fresh. */
    staleCode: text("stale_code"),
    staleMessage: text("stale_message"),
    staleSince: at("stale_since"),
  };
}

/** A named time range of an organisation (a quarter by default). */
export const periods = pgTable(
  "periods",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (table) => [
    unique("periods_org_id_name_unique").on(table.orgId, table.name),
    check("periods_range_check", sql`${table.endsAt} > ${table.startsAt}`),
  ],
);

/** An objective: progress from its key results (weighted) or from its own Jira data source. */
export const objectives = pgTable(
  "objectives",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    periodId: text("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    /** Alignment tree: the objective this one contributes to. */
    parentId: text("parent_id").references((): AnyPgColumn => objectives.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    weight: doublePrecision("weight").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    ...measuredColumns(),
  },
  (table) => [
    index("objectives_org_period_idx").on(table.orgId, table.periodId, table.createdAt, table.id),
    index("objectives_parent_id_idx").on(table.parentId),
    index("objectives_connection_id_idx").on(table.connectionId),
    check("objectives_weight_check", sql`${table.weight} > 0`),
  ],
);

/** A key result of an objective: percent complete or a KPI, from Jira or from manual check-ins. */
export const keyResults = pgTable(
  "key_results",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    objectiveId: text("objective_id")
      .notNull()
      .references(() => objectives.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    weight: doublePrecision("weight").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    ...measuredColumns(),
  },
  (table) => [
    index("key_results_objective_id_idx").on(table.objectiveId, table.createdAt, table.id),
    index("key_results_connection_id_idx").on(table.connectionId),
    index("key_results_org_id_idx").on(table.orgId),
    check("key_results_weight_check", sql`${table.weight} > 0`),
  ],
);

/** One point of a measured item's history: a manual check-in, or a change of value seen by the sync ("Jira"). */
export const checkIns = pgTable(
  "check_ins",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    keyResultId: text("key_result_id").references(() => keyResults.id, { onDelete: "cascade" }),
    objectiveId: text("objective_id").references(() => objectives.id, { onDelete: "cascade" }),
    source: text("source", { enum: ["jira", "manual"] }).notNull(),
    /** The person who checked in; null for "Jira". */
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    value: doublePrecision("value"),
    progress: doublePrecision("progress"),
    issueCount: integer("issue_count"),
    doneCount: integer("done_count"),
    note: text("note").notNull().default(""),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (table) => [
    index("check_ins_key_result_idx").on(table.keyResultId, table.createdAt),
    index("check_ins_objective_idx").on(table.objectiveId, table.createdAt),
    check("check_ins_subject_check", sql`(${table.keyResultId} IS NULL) <> (${table.objectiveId} IS NULL)`),
  ],
);
