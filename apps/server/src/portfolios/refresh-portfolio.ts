import { requireJiraEnabled } from "../jira-connections/org-jira-gate.ts";
import { finishedWithin, REFRESH_ANSWER_WAIT_MS } from "../sync/answer-within.ts";
import { refreshConnection } from "../sync/refresh-connection.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { type JiraConfigView, jiraConfigView } from "./jira-config-view.ts";
import { findJiraConfig, listLinkedProjectRows } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { requireJiraConfig } from "./require-jira-config.ts";

/**
 * Re-reads the portfolio's epics from Jira now (Portfolio Managers and Contributors of the same company): a
 * sync of the connection they are read through — the one engine, so key results on that connection are
 * refreshed too — then returns the integration card. A failure is not an error of the request: it shows as
 * `error` on the card and as stale epics, the last good values kept. When Jira has not answered within the
 * refresh wait, returns the card as it is with `refreshing` (the read goes on in the background).
 */
export async function refreshPortfolio(
  deps: PortfolioDeps,
  input: { portfolioId: string; userId: string },
): Promise<{ view: JiraConfigView; refreshing: boolean }> {
  const { row } = await accessPortfolio(deps.db, {
    id: input.portfolioId,
    userId: input.userId,
    action: "jira.refresh",
  });
  await requireJiraEnabled(deps.db, row.orgId);
  const { connectionId } = await requireJiraConfig(deps.db, row.id);
  const finished = await finishedWithin(
    refreshConnection(deps, connectionId),
    deps.jira.refreshAnswerWaitMs ?? REFRESH_ANSWER_WAIT_MS,
    deps.logger,
  );
  const config = await findJiraConfig(deps.db, row.id);
  if (!config) throw new Error("Jira configuration vanished during a refresh");
  return {
    view: await jiraConfigView(deps.db, config, await listLinkedProjectRows(deps.db, row.id)),
    refreshing: !finished,
  };
}
