import { DomainError } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import { initiativeEpics } from "../db/schema/index.ts";
import { callJira } from "../jira-connections/jira-failure.ts";
import { jiraAccessForOrg } from "../jira-connections/org-jira-gate.ts";
import { accessInitiative } from "./access-initiative.ts";
import { type EpicView, epicView } from "./epic-view.ts";
import { openPortfolioJira } from "./open-portfolio-jira.ts";
import { listLinkedProjectRows } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { readEpics } from "./read-epics.ts";
import { requireJiraConfig } from "./require-jira-config.ts";

/**
 * Links Jira epic `key` to an initiative (Portfolio Managers and Contributors of the same company). The epic
 * is read from Jira at once (status and progress from its children): it must exist, be visible to the token,
 * be an epic, and belong to a linked project (400 otherwise). Linking it twice is a 409.
 */
export async function linkEpic(
  deps: PortfolioDeps,
  input: { initiativeId: string; userId: string; key: string },
): Promise<EpicView> {
  const { initiative, portfolio } = await accessInitiative(deps.db, {
    id: input.initiativeId,
    userId: input.userId,
    action: "jira.epics.link",
  });
  const access = await jiraAccessForOrg(deps, portfolio.row.orgId);
  const config = await requireJiraConfig(deps.db, initiative.portfolioId);
  const key = input.key.toUpperCase();
  const [already] = await deps.db
    .select({ key: initiativeEpics.epicKey })
    .from(initiativeEpics)
    .where(and(eq(initiativeEpics.initiativeId, initiative.id), eq(initiativeEpics.epicKey, key)));
  if (already) throw new DomainError("conflict", `${key} is already linked to this initiative.`);
  const snapshot = (await callJira(() => readEpics(openPortfolioJira(access, deps.box, config), [key]))).get(
    key,
  );
  const invalid = (message: string) =>
    new DomainError("validation_failed", message, { fields: { key: message } });
  if (!snapshot) throw invalid(`Jira has no issue ${key} that the integration's account can see.`);
  if (!snapshot.isEpic) throw invalid(`${key} is a ${snapshot.issueType || "non-epic issue"}, not an epic.`);
  const linked = (await listLinkedProjectRows(deps.db, initiative.portfolioId)).map((p) => p.projectKey);
  if (!linked.includes(snapshot.projectKey)) {
    throw invalid(`${key} belongs to project ${snapshot.projectKey}, which is not linked to this portfolio.`);
  }
  const now = deps.now();
  const [row] = await deps.db
    .insert(initiativeEpics)
    .values({
      initiativeId: initiative.id,
      portfolioId: initiative.portfolioId,
      projectKey: snapshot.projectKey,
      epicKey: key,
      epicId: snapshot.id,
      summary: snapshot.summary,
      statusName: snapshot.statusName,
      statusCategory: snapshot.statusCategory,
      doneCount: snapshot.progress.byCount.done,
      totalCount: snapshot.progress.byCount.total,
      donePoints: snapshot.progress.byStoryPoints?.done ?? null,
      totalPoints: snapshot.progress.byStoryPoints?.total ?? null,
      syncedAt: now,
      linkedBy: input.userId,
      linkedAt: now,
    })
    .returning();
  if (!row) throw new Error("epic link vanished while being saved");
  return epicView(row, config.baseUrl);
}
