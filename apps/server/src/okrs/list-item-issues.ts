import { DomainError, isDone } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import { findConnection } from "../jira-connections/connection.repo.ts";
import { loadCachedIssues } from "../sync/issue-cache.repo.ts";
import { toMetricIssue } from "../sync/issue-snapshot.ts";
import { findJiraQuery } from "../sync/jira-query.repo.ts";
import { issueContribution } from "./issue-contribution.ts";
import { accessKeyResult } from "./okr-access.ts";

/** One Jira issue behind a key result's number. */
export interface IssueContributionView {
  key: string;
  url: string;
  summary: string;
  statusName: string;
  statusCategoryKey: string;
  done: boolean;
  value: number | null;
}

/**
 * "Why this number": the issues the key result's query matched at its last sync, from the sync cache (no
 * Jira call), each with its status and what it adds to the metric. Empty before the first sync.
 */
export async function listKeyResultIssues(
  db: Db,
  input: { id: string; userId: string },
): Promise<{ items: IssueContributionView[]; syncedAt: Date | null }> {
  const { keyResult } = await accessKeyResult(db, input.id, input.userId);
  const source = keyResult.dataSource;
  if (!source) {
    throw new DomainError(
      "conflict",
      "This key result has no Jira data source: its value comes from check-ins.",
      {
        reason: "no_data_source",
      },
    );
  }
  const connection = await findConnection(db, source.connectionId);
  const query = await findJiraQuery(db, source.connectionId, source.jql);
  if (!connection || !query) return { items: [], syncedAt: null };
  const storyPointFields =
    connection.row.storyPointFieldIds ??
    connection.row.fields?.storyPointFields.map((field) => field.id) ??
    [];
  const cached = await loadCachedIssues(db, source.connectionId, query.issueIds);
  const measure = keyResult.measure ?? { kind: "percent" };
  const items = query.issueIds.flatMap((issueId) => {
    const issue = cached.get(issueId);
    if (!issue) return [];
    const metricIssue = toMetricIssue(issue, storyPointFields);
    return [
      {
        key: issue.key,
        url: `${connection.row.baseUrl}/browse/${encodeURIComponent(issue.key)}`,
        summary: issue.summary,
        statusName: issue.statusName,
        statusCategoryKey: issue.statusCategoryKey,
        done: isDone(metricIssue),
        value: issueContribution(metricIssue, source.metric, measure),
      },
    ];
  });
  return { items, syncedAt: query.syncedAt };
}
