import { DomainError, isDone } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import { findConnection } from "../jira-connections/connection.repo.ts";
import { issueContribution } from "../okrs/issue-contribution.ts";
import { knownStoryPointFieldIds } from "../sync/connection-fields.ts";
import { loadCachedIssues } from "../sync/issue-cache.repo.ts";
import { toMetricIssue } from "../sync/issue-snapshot.ts";
import { findJiraQuery } from "../sync/jira-query.repo.ts";
import { accessMeasuredItem } from "./access-measured-item.ts";
import { MEASURED_NAMES, type MeasuredItemRef } from "./measured-kind.ts";

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
 * "Why this number": the issues a key result's (or an objective's own) query matched at its last sync, from
 * the sync cache (no Jira call), each with its status and what it adds to the metric. Empty before the
 * first sync.
 */
export async function listItemIssues(
  db: Db,
  input: MeasuredItemRef & { userId: string },
): Promise<{ items: IssueContributionView[]; syncedAt: Date | null }> {
  const item = (await accessMeasuredItem(db, input, input.userId)).row;
  const source = item.dataSource;
  if (!source) {
    const what = MEASURED_NAMES[input.kind];
    throw new DomainError(
      "conflict",
      `This ${what} has no Jira data source: its value does not come from Jira.`,
      {
        reason: "no_data_source",
      },
    );
  }
  const connection = await findConnection(db, source.connectionId);
  const query = await findJiraQuery(db, source.connectionId, source.jql);
  if (!connection || !query) return { items: [], syncedAt: null };
  const storyPointFields = knownStoryPointFieldIds(connection.row);
  const cached = await loadCachedIssues(db, source.connectionId, query.issueIds);
  const measure = item.measure ?? { kind: "percent" };
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
