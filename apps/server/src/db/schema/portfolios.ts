import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { jiraConnections } from "./jira.ts";
import { organizations } from "./orgs.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** A portfolio of initiatives, owned by an organisation (the company). */
export const portfolios = pgTable(
  "portfolios",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (table) => [index("portfolios_org_id_idx").on(table.orgId, table.createdAt, table.id)],
);

/** A person's role in a portfolio; they may belong to another organisation (an external member). */
export const portfolioMembers = pgTable(
  "portfolio_members",
  {
    portfolioId: text("portfolio_id")
      .notNull()
      .references(() => portfolios.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["manager", "contributor", "viewer"] }).notNull(),
    addedBy: text("added_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.portfolioId, table.userId] }),
    index("portfolio_members_user_id_idx").on(table.userId),
  ],
);

/** Stages an initiative moves through. */
export const INITIATIVE_STATUSES = [
  "proposed",
  "planned",
  "in_progress",
  "on_hold",
  "done",
  "cancelled",
] as const;

/** An initiative of a portfolio: what is being done, by whom, when; progress comes from its epics. */
export const initiatives = pgTable(
  "initiatives",
  {
    id: text("id").primaryKey(),
    portfolioId: text("portfolio_id")
      .notNull()
      .references(() => portfolios.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: INITIATIVE_STATUSES }).notNull(),
    startDate: date("start_date", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (table) => [index("initiatives_portfolio_id_idx").on(table.portfolioId, table.createdAt, table.id)],
);

/**
 * A portfolio's Jira integration (one per portfolio): the Jira connection its epics are read through —
 * either the portfolio's own (`jira_connections.portfolio_id` is this portfolio) or an organisation
 * connection its manager may use. Sync state lives on the connection (`jira_sync_states`), like every
 * other Jira read. The credential, health and failure columns below predate that: they are kept (nullable,
 * never read) so no data is lost, and are no longer written.
 */
export const portfolioJiraConfigs = pgTable(
  "portfolio_jira_configs",
  {
    portfolioId: text("portfolio_id")
      .primaryKey()
      .references(() => portfolios.id, { onDelete: "cascade" }),
    /** The connection epics are read through. An organisation connection in use cannot be deleted (409). */
    connectionId: text("connection_id").references(() => jiraConnections.id),
    /** @deprecated the connection's; kept from before connections (migration 0011). */
    baseUrl: text("base_url"),
    /** @deprecated the connection's. */
    email: text("email"),
    /** @deprecated the connection's (copied there sealed). */
    apiTokenSealed: text("api_token_sealed"),
    /** @deprecated the connection's. */
    accountId: text("account_id"),
    /** @deprecated the connection's. */
    accountName: text("account_name"),
    configuredBy: text("configured_by").references(() => users.id, { onDelete: "set null" }),
    configuredAt: at("configured_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    /** @deprecated sync state lives on the connection (jira_sync_states). */
    lastSyncAt: at("last_sync_at"),
    /** @deprecated */
    healthy: boolean("healthy").notNull().default(true),
    /** @deprecated */
    errorCode: text("error_code"),
    /** @deprecated */
    errorMessage: text("error_message"),
    /** @deprecated */
    errorSince: at("error_since"),
    /** @deprecated */
    failureCount: integer("failure_count").notNull().default(0),
    /** @deprecated */
    nextSyncAt: at("next_sync_at"),
  },
  (table) => [index("portfolio_jira_configs_connection_idx").on(table.connectionId)],
);

/** A Jira project linked to a portfolio (at most 20); unlinking or deleting the configuration cascades. */
export const portfolioJiraProjects = pgTable(
  "portfolio_jira_projects",
  {
    portfolioId: text("portfolio_id")
      .notNull()
      .references(() => portfolioJiraConfigs.portfolioId, { onDelete: "cascade" }),
    projectKey: text("project_key").notNull(),
    projectId: text("project_id").notNull(),
    name: text("name").notNull(),
    avatarUrl: text("avatar_url"),
    /** Set when the configured token no longer sees the project (token rotated, permissions changed). */
    inaccessibleSince: at("inaccessible_since"),
    linkedBy: text("linked_by").references(() => users.id, { onDelete: "set null" }),
    linkedAt: at("linked_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.portfolioId, table.projectKey] })],
);

/**
 * A Jira epic linked to an initiative, with its last good progress (cached; never written to Jira). It
 * belongs to a linked project: unlinking the project unlinks the epic.
 */
export const initiativeEpics = pgTable(
  "initiative_epics",
  {
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    portfolioId: text("portfolio_id").notNull(),
    projectKey: text("project_key").notNull(),
    epicKey: text("epic_key").notNull(),
    epicId: text("epic_id").notNull(),
    summary: text("summary").notNull(),
    statusName: text("status_name").notNull(),
    /** `new`, `indeterminate` or `done`. */
    statusCategory: text("status_category").notNull(),
    doneCount: integer("done_count").notNull().default(0),
    totalCount: integer("total_count").notNull().default(0),
    /** Story points, null when no child is estimated. */
    donePoints: doublePrecision("done_points"),
    totalPoints: doublePrecision("total_points"),
    syncedAt: at("synced_at"),
    /** Why the cached values may be out of date, and since when; null when fresh. */
    staleCode: text("stale_code"),
    staleMessage: text("stale_message"),
    staleSince: at("stale_since"),
    linkedBy: text("linked_by").references(() => users.id, { onDelete: "set null" }),
    linkedAt: at("linked_at").notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.initiativeId, table.epicKey] }),
    foreignKey({
      columns: [table.portfolioId, table.projectKey],
      foreignColumns: [portfolioJiraProjects.portfolioId, portfolioJiraProjects.projectKey],
      name: "initiative_epics_project_fk",
    }).onDelete("cascade"),
    index("initiative_epics_portfolio_idx").on(table.portfolioId, table.projectKey),
  ],
);
