import { randomUUID } from "node:crypto";
import { DomainError } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/database.ts";
import { jiraConnections, portfolioJiraConfigs, portfolioJiraProjects } from "../db/schema/index.ts";
import { openJiraClient } from "../jira-connections/jira-access.ts";
import { jiraAccessForOrg } from "../jira-connections/org-jira-gate.ts";
import { verifyCredentials } from "../jira-connections/verify-credentials.ts";
import { clearIssueCache } from "../sync/issue-cache.repo.ts";
import { resetSyncState } from "../sync/sync-state.repo.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { type JiraConfigView, jiraConfigView } from "./jira-config-view.ts";
import { findJiraConfig, type JiraConfigRow, listLinkedProjectRows } from "./portfolio.repo.ts";
import { type PortfolioJiraChoice, resolvePortfolioChoice } from "./portfolio-credentials.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { listVisibleProjects, pickProjectsToLink } from "./visible-projects.ts";

/** The wizard's or the edit form's fields: own credentials or an organisation connection, and projects. */
export type JiraConfigInput = PortfolioJiraChoice & {
  /** Projects to link with the save (the wizard's third step), within the limit. */
  projectKeys?: readonly string[] | undefined;
};

/**
 * Creates or edits the portfolio's Jira configuration (Portfolio Managers of the same company): either the
 * portfolio's own connection (a Cloud site with e-mail and API token, or a Data Center one with a personal access
 * token: created, or edited in place — a token rotation) or an
 * organisation connection the manager may use. The credentials are re-checked against Jira on every save and
 * a token stored sealed; the projects the account can see are read, and linked projects it cannot see are
 * flagged. Switching to an organisation connection removes the portfolio's own. A save makes the connection
 * healthy again (Jira just accepted it) and due for a sync.
 */
export async function saveJiraConfig(
  deps: PortfolioDeps,
  input: JiraConfigInput & { portfolioId: string; userId: string },
): Promise<JiraConfigView> {
  const { portfolioId, userId, projectKeys, ...choice } = input;
  const { row } = await accessPortfolio(deps.db, { id: portfolioId, userId, action: "jira.configure" });
  const access = await jiraAccessForOrg(deps, row.orgId);
  const resolved = await resolvePortfolioChoice(deps, { portfolio: row, userId, choice });
  const { credentials } = resolved;
  const verified = await verifyCredentials(access, credentials);
  const visible = await listVisibleProjects(openJiraClient(access, credentials));
  const visibleKeys = new Set(visible.map((p) => p.key.toUpperCase()));
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    // Concurrent saves and links of one portfolio serialise on its configuration row, so the limit holds.
    await tx
      .select({ id: portfolioJiraConfigs.portfolioId })
      .from(portfolioJiraConfigs)
      .where(eq(portfolioJiraConfigs.portfolioId, row.id))
      .for("update");
    const existing = await findJiraConfig(tx, row.id);
    const linked = await listLinkedProjectRows(tx, row.id);
    const toLink = pickProjectsToLink(
      visible,
      linked.map((p) => p.projectKey),
      projectKeys ?? [],
    );
    const account = { accountId: verified.account.accountId, accountName: verified.account.displayName };
    let connectionId: string;
    if (resolved.orgConnection) {
      connectionId = resolved.orgConnection.id;
      // Shares the lock delete-connection.ts takes: a connection deleted meanwhile is gone (404), and one
      // being deleted waits for this save and then refuses (409) rather than failing on the reference.
      const [still] = await tx
        .select({ id: jiraConnections.id })
        .from(jiraConnections)
        .where(eq(jiraConnections.id, connectionId))
        .for("share");
      if (!still) throw new DomainError("not_found", "Jira connection not found.");
    } else if (existing?.ownConnection) {
      connectionId = existing.connectionId;
      await editOwnConnection(tx, deps, existing, {
        ...credentials,
        deployment: credentials.deployment ?? "cloud",
        tokenChanged: resolved.newSecret,
        serverTitle: verified.serverTitle,
        ...account,
      });
    } else {
      connectionId = randomUUID();
      await tx.insert(jiraConnections).values({
        id: connectionId,
        orgId: row.orgId,
        portfolioId: row.id,
        name: `${row.name} (portfolio)`,
        baseUrl: credentials.baseUrl,
        deployment: credentials.deployment ?? "cloud",
        email: credentials.email,
        apiTokenSealed: deps.box.seal(credentials.apiToken),
        sharing: "private",
        createdBy: userId,
        serverTitle: verified.serverTitle,
        ...account,
        createdAt: now,
        updatedAt: now,
      });
    }
    if (existing) {
      await tx
        .update(portfolioJiraConfigs)
        .set({ connectionId, updatedAt: now })
        .where(eq(portfolioJiraConfigs.portfolioId, row.id));
      if (existing.ownConnection && existing.connectionId !== connectionId) {
        await tx.delete(jiraConnections).where(eq(jiraConnections.id, existing.connectionId));
      }
    } else {
      await tx.insert(portfolioJiraConfigs).values({
        portfolioId: row.id,
        connectionId,
        configuredBy: userId,
        configuredAt: now,
        updatedAt: now,
      });
    }
    await resetSyncState(tx, { connectionId, now, forgetCache: false, clearError: true });
    for (const project of linked) {
      const seen = visibleKeys.has(project.projectKey);
      await tx
        .update(portfolioJiraProjects)
        .set({ inaccessibleSince: seen ? null : (project.inaccessibleSince ?? now) })
        .where(
          and(
            eq(portfolioJiraProjects.portfolioId, row.id),
            eq(portfolioJiraProjects.projectKey, project.projectKey),
          ),
        );
    }
    if (toLink.length > 0) {
      await tx.insert(portfolioJiraProjects).values(
        toLink.map((p) => ({
          portfolioId: row.id,
          projectKey: p.key.toUpperCase(),
          projectId: p.id,
          name: p.name,
          avatarUrl: p.avatarUrl ?? null,
          linkedBy: userId,
          linkedAt: now,
        })),
      );
    }
  });
  const saved = await findJiraConfig(deps.db, row.id);
  if (!saved) throw new Error("Jira configuration vanished while being saved");
  return jiraConfigView(deps.db, saved, await listLinkedProjectRows(deps.db, row.id));
}

/**
 * Points the portfolio's own connection at the verified credentials (a rotated token, another e-mail or
 * site): another site or account may see other issues, so its cache is forgotten and re-read.
 */
async function editOwnConnection(
  tx: Tx,
  deps: PortfolioDeps,
  existing: JiraConfigRow,
  next: {
    baseUrl: string;
    deployment: "cloud" | "dataCenter";
    email: string;
    apiToken: string;
    tokenChanged: boolean;
    serverTitle: string | null;
    accountId: string;
    accountName: string;
  },
): Promise<void> {
  // Another site — or the same address answering as another kind of Jira — has other fields and issues.
  const otherSite = next.baseUrl !== existing.baseUrl || next.deployment !== existing.deployment;
  const otherView = otherSite || next.email !== existing.email;
  await tx
    .update(jiraConnections)
    .set({
      baseUrl: next.baseUrl,
      deployment: next.deployment,
      email: next.email,
      ...(next.tokenChanged ? { apiTokenSealed: deps.box.seal(next.apiToken) } : {}),
      accountId: next.accountId,
      accountName: next.accountName,
      serverTitle: next.serverTitle,
      ...(otherSite ? { fields: null, fieldsFetchedAt: null } : {}),
      updatedAt: deps.now(),
    })
    .where(eq(jiraConnections.id, existing.connectionId));
  if (otherView) {
    await resetSyncState(tx, { connectionId: existing.connectionId, now: deps.now(), forgetCache: true });
    await clearIssueCache(tx, existing.connectionId);
  }
}
