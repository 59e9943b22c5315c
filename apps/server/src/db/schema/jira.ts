import type { DiscoveredField } from "@goalpost/domain";
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { organizations } from "./orgs.ts";
import { portfolios } from "./portfolios.ts";

/** The org-level Jira switch. No row means enabled (the default); an admin may turn it off. */
export const jiraIntegrations = pgTable("jira_integrations", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Fields a connection's site offers as metrics, as last discovered from `/rest/api/3/field`. */
export interface DiscoveredFieldsCache {
  storyPointFields: DiscoveredField[];
  numericFields: DiscoveredField[];
  /** The site's "Epic Link" field (null: none); absent in caches written before it was discovered. */
  epicLinkFieldId?: string | null;
}

/**
 * A named Jira connection of an organisation. The API token is stored only sealed (AES-256-GCM). A connection
 * with `portfolioId` is that portfolio's own Jira integration: hidden from the organisation's connection list,
 * managed by the portfolio's managers, removed with the portfolio's Jira configuration.
 */
export const jiraConnections = pgTable(
  "jira_connections",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    baseUrl: text("base_url").notNull(),
    /** `cloud`: e-mail + API token (REST v3); `dataCenter`: a personal access token (REST v2). */
    deployment: text("deployment", { enum: ["cloud", "dataCenter"] })
      .notNull()
      .default("cloud"),
    /** Cloud: the account e-mail; Data Center: empty (the token names its user). */
    email: text("email").notNull(),
    /** The sealed secret: the API token (Cloud) or the personal access token (Data Center). */
    apiTokenSealed: text("api_token_sealed").notNull(),
    sharing: text("sharing", { enum: ["private", "org", "members"] }).notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Who the token belongs to and the site's title, as last tested. */
    accountId: text("account_id"),
    accountName: text("account_name"),
    serverTitle: text("server_title"),
    fields: jsonb("fields").$type<DiscoveredFieldsCache>(),
    /** Story-point field ids that count, in order (null: every story-point field the site has). */
    storyPointFieldIds: jsonb("story_point_field_ids").$type<string[]>(),
    fieldsFetchedAt: timestamp("fields_fetched_at", { withTimezone: true, precision: 3 }),
    /** The portfolio whose own connection this is (null: an organisation connection). */
    portfolioId: text("portfolio_id").references(() => portfolios.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("jira_connections_org_id_idx").on(table.orgId),
    index("jira_connections_portfolio_id_idx").on(table.portfolioId),
  ],
);

/** The members a connection with `sharing = 'members'` is shared with. */
export const jiraConnectionMembers = pgTable(
  "jira_connection_members",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => jiraConnections.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.connectionId, table.userId] }),
    index("jira_connection_members_user_id_idx").on(table.userId),
  ],
);
