import { DomainError } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { listDetachableEpics, listLinkedProjectRows } from "./portfolio.repo.ts";
import { requireJiraConfig } from "./require-jira-config.ts";

/** What an unlink or a deletion would detach, shown before it happens. */
export interface CascadePreview {
  /** Projects that would be unlinked. */
  projects: { key: string; name: string }[];
  /** Epics that would be detached, with the initiative each sits on. */
  epics: {
    key: string;
    summary: string;
    projectKey: string;
    initiativeId: string;
    initiativeTitle: string;
  }[];
}

/**
 * What unlinking project `projectKey` (or, without it, deleting the whole configuration) would detach.
 * Portfolio Managers of the same company, who are the only ones who may do either.
 */
export async function previewCascade(
  db: Db,
  input: { portfolioId: string; userId: string; projectKey?: string | undefined },
): Promise<CascadePreview> {
  await accessPortfolio(db, { id: input.portfolioId, userId: input.userId, action: "jira.configure" });
  await requireJiraConfig(db, input.portfolioId);
  const key = input.projectKey?.toUpperCase();
  const projects = (await listLinkedProjectRows(db, input.portfolioId)).filter(
    (p) => key === undefined || p.projectKey === key,
  );
  if (key !== undefined && projects.length === 0) {
    throw new DomainError("not_found", `Project ${key} is not linked to this portfolio.`);
  }
  return {
    projects: projects.map((p) => ({ key: p.projectKey, name: p.name })),
    epics: await listDetachableEpics(db, input.portfolioId, key),
  };
}
