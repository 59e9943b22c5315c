import type { Db } from "../db/database.ts";
import { jiraIntegrations } from "../db/schema/index.ts";
import { requireOrgRole } from "../orgs/require-org-role.ts";

/** Switches the org's Jira integration on or off (admins). Off: connections cannot be used. */
export async function setJiraIntegration(
  db: Db,
  input: { orgId: string; userId: string; enabled: boolean; now: Date },
) {
  await requireOrgRole(db, input.orgId, input.userId, "integrations.manage");
  const values = { enabled: input.enabled, updatedBy: input.userId, updatedAt: input.now };
  await db
    .insert(jiraIntegrations)
    .values({ orgId: input.orgId, ...values })
    .onConflictDoUpdate({ target: jiraIntegrations.orgId, set: values });
  return { enabled: input.enabled };
}
