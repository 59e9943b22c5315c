import { requireJiraEnabled } from "../jira-connections/org-jira-gate.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { type JiraConfigView, jiraConfigView } from "./jira-config-view.ts";
import { findJiraConfig, listLinkedProjectRows } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { requireJiraConfig } from "./require-jira-config.ts";
import { syncPortfolio } from "./sync-portfolio.ts";

/**
 * Re-reads the portfolio's epics from Jira now (Portfolio Managers and Contributors of the same company) and
 * returns the integration card: a failure is not an error of the request, it shows as `error` on the card and
 * as stale epics, the last good values kept.
 */
export async function refreshPortfolio(
  deps: PortfolioDeps,
  input: { portfolioId: string; userId: string },
): Promise<JiraConfigView> {
  const { row } = await accessPortfolio(deps.db, {
    id: input.portfolioId,
    userId: input.userId,
    action: "jira.refresh",
  });
  await requireJiraEnabled(deps.db, row.orgId);
  await requireJiraConfig(deps.db, row.id);
  await syncPortfolio(deps, row.id);
  const config = await findJiraConfig(deps.db, row.id);
  if (!config) throw new Error("Jira configuration vanished during a refresh");
  return jiraConfigView(deps.db, config, await listLinkedProjectRows(deps.db, row.id));
}
