import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { jiraIntegrations } from "../db/schema/index.ts";

/** Whether the org's Jira integration is on. No row means on: the integration is enabled by default. */
export async function isJiraEnabled(db: Db | Tx, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: jiraIntegrations.enabled })
    .from(jiraIntegrations)
    .where(eq(jiraIntegrations.orgId, orgId));
  return row?.enabled ?? true;
}
