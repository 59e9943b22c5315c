import { and, eq } from "drizzle-orm";
import { portfolioJiraConfigs, portfolioJiraProjects } from "../db/schema/index.ts";
import { openJiraClient } from "../jira-connections/jira-access.ts";
import { jiraAccessForOrg } from "../jira-connections/org-jira-gate.ts";
import { verifyCredentials } from "../jira-connections/verify-credentials.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { savedToken } from "./check-jira-credentials.ts";
import { type JiraConfigView, jiraConfigView } from "./jira-config-view.ts";
import { findJiraConfig, listLinkedProjectRows } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { listVisibleProjects, pickProjectsToLink } from "./visible-projects.ts";

/** The wizard's or the edit form's fields. */
export interface JiraConfigInput {
  baseUrl: string;
  email: string;
  /** Required the first time; omitted on edit to keep the saved token. */
  apiToken?: string | undefined;
  /** Projects to link with the save (the wizard's third step), within the limit. */
  projectKeys?: readonly string[] | undefined;
}

/**
 * Creates or edits the portfolio's Jira configuration (Portfolio Managers of the same company). The
 * credentials are re-checked against Jira on every save and the token stored sealed; the projects the token
 * can see are read, and linked projects it cannot see are flagged (a rotated token with narrower rights).
 * A save makes the configuration healthy again and due for a sync.
 */
export async function saveJiraConfig(
  deps: PortfolioDeps,
  input: JiraConfigInput & { portfolioId: string; userId: string },
): Promise<JiraConfigView> {
  const { row } = await accessPortfolio(deps.db, {
    id: input.portfolioId,
    userId: input.userId,
    action: "jira.configure",
  });
  const access = await jiraAccessForOrg(deps, row.orgId);
  const apiToken = input.apiToken ?? (await savedToken(deps, row.id, input.baseUrl));
  const credentials = { baseUrl: input.baseUrl, email: input.email, apiToken };
  const verified = await verifyCredentials(access, credentials);
  const visible = await listVisibleProjects(openJiraClient(access, credentials));
  const visibleKeys = new Set(visible.map((p) => p.key.toUpperCase()));
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    // Concurrent saves and links of one portfolio serialise on its configuration row, so the limit holds.
    const [existing] = await tx
      .select()
      .from(portfolioJiraConfigs)
      .where(eq(portfolioJiraConfigs.portfolioId, row.id))
      .for("update");
    const linked = await listLinkedProjectRows(tx, row.id);
    const toLink = pickProjectsToLink(
      visible,
      linked.map((p) => p.projectKey),
      input.projectKeys ?? [],
    );
    const values = {
      baseUrl: input.baseUrl,
      email: input.email,
      ...(input.apiToken === undefined && existing ? {} : { apiTokenSealed: deps.box.seal(apiToken) }),
      accountId: verified.account.accountId,
      accountName: verified.account.displayName,
      updatedAt: now,
      healthy: true,
      errorCode: null,
      errorMessage: null,
      errorSince: null,
      failureCount: 0,
      nextSyncAt: now,
    };
    if (existing) {
      await tx.update(portfolioJiraConfigs).set(values).where(eq(portfolioJiraConfigs.portfolioId, row.id));
    } else {
      await tx.insert(portfolioJiraConfigs).values({
        ...values,
        portfolioId: row.id,
        apiTokenSealed: deps.box.seal(apiToken),
        configuredBy: input.userId,
        configuredAt: now,
      });
    }
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
          linkedBy: input.userId,
          linkedAt: now,
        })),
      );
    }
  });
  const saved = await findJiraConfig(deps.db, row.id);
  if (!saved) throw new Error("Jira configuration vanished while being saved");
  return jiraConfigView(deps.db, saved, await listLinkedProjectRows(deps.db, row.id));
}
