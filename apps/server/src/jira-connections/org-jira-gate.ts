import { DomainError } from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import type { JiraAccess, OrgJiraAccess } from "./jira-access.ts";
import { isJiraEnabled } from "./jira-integration.repo.ts";

/**
 * THE one place the organisation's Jira switch is checked before Jira is read. Every Jira client in the
 * server is opened from an {@link OrgJiraAccess}, and this is the only function that makes one: while an
 * admin has switched Jira off, nothing — scheduled sync, edit, refresh, portfolio wizard — can reach Jira.
 * Returns null while the switch is off (background jobs record that and stop).
 */
export async function jiraAccessIfEnabled(
  deps: { db: Db | Tx; jira: JiraAccess },
  orgId: string,
): Promise<OrgJiraAccess | null> {
  if (!(await isJiraEnabled(deps.db, orgId))) return null;
  return { ...deps.jira, orgId } as OrgJiraAccess;
}

/** {@link jiraAccessIfEnabled} for requests a person waits on: throws `jira_integration_disabled` while off. */
export async function jiraAccessForOrg(
  deps: { db: Db | Tx; jira: JiraAccess },
  orgId: string,
): Promise<OrgJiraAccess> {
  const access = await jiraAccessIfEnabled(deps, orgId);
  if (!access) throw jiraDisabledError();
  return access;
}

/** Throws `jira_integration_disabled` when the org's admin has switched Jira off (for uses that do not read Jira yet). */
export async function requireJiraEnabled(db: Db | Tx, orgId: string): Promise<void> {
  if (!(await isJiraEnabled(db, orgId))) throw jiraDisabledError();
}

function jiraDisabledError(): DomainError {
  return new DomainError(
    "jira_integration_disabled",
    "The Jira integration is switched off for this organisation: an admin can switch it on.",
  );
}
