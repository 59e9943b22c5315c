import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { jiraSyncStates } from "../db/schema/index.ts";

/**
 * At start, every healthy connection is due at once: while Goalpost was down Jira went on changing (and a
 * demo re-seeds its Jira), so its values may be stale. Broken connections and those backing off after a
 * failure keep their schedule. Returns how many were made due.
 */
export async function syncStaleAtStart(db: Db, now: Date): Promise<number> {
  const made = await db
    .update(jiraSyncStates)
    .set({ nextDueAt: now })
    .where(
      and(
        isNull(jiraSyncStates.brokenAt),
        eq(jiraSyncStates.failureCount, 0),
        gt(jiraSyncStates.nextDueAt, now),
      ),
    )
    .returning({ id: jiraSyncStates.connectionId });
  return made.length;
}
