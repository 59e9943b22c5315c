import { bigint, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Version counters that database triggers bump in the transaction of every write that changes what a cached
 * read would answer (migration `0004_read_path_versions`), so several processes agree on when a cached answer
 * is out of date. Scopes: `auth` (a session or API token revoked, a user renamed), `org:<id>` (org-wide
 * inputs: the Jira integration switch, member names), `period:<id>` (a period's objectives, key results and
 * check-ins, and the period itself). A scope without a row is at version 0.
 */
export const cacheVersions = pgTable("cache_versions", {
  scope: text("scope").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
