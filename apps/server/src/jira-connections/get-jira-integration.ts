import type { Db } from "../db/database.ts";
import { requireOrgRole } from "../orgs/require-org-role.ts";
import { isJiraEnabled } from "./jira-integration.repo.ts";

/** The org's Jira switch; any member may read it. */
export async function getJiraIntegration(db: Db, input: { orgId: string; userId: string }) {
  await requireOrgRole(db, input.orgId, input.userId, "org.read");
  return { enabled: await isJiraEnabled(db, input.orgId) };
}
