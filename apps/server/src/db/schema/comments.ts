import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { checkIns, keyResults } from "./okrs.ts";
import { organizations } from "./orgs.ts";

/**
 * A status note on a key result (Jira-driven ones too), or on one of its check-ins (`checkInId`): shown in its
 * history. Millisecond timestamps, as elsewhere.
 */
export const okrComments = pgTable(
  "okr_comments",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    keyResultId: text("key_result_id")
      .notNull()
      .references(() => keyResults.id, { onDelete: "cascade" }),
    checkInId: text("check_in_id").references(() => checkIns.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("okr_comments_key_result_idx").on(table.keyResultId, table.createdAt)],
);
