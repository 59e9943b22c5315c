import { type Metric, type MetricIssue, resolveStoryPoints } from "@goalpost/domain";
import { issueBasicsOf, type JiraIssue } from "@goalpost/jira";
import type { CachedIssueNumbers } from "../db/schema/index.ts";

/** Fields every cached issue holds: what the drill-down shows and what every metric reads. */
export const BASE_ISSUE_FIELDS = ["summary", "status", "issuetype", "updated"] as const;

/** The issue's own time fields (never the `aggregate*` ones: progress-rules.md). */
export const TIME_FIELDS = ["timespent", "timeoriginalestimate", "timeestimate"] as const;

/** A cached issue as the sync engine stores it. */
export interface IssueSnapshot {
  issueId: string;
  key: string;
  summary: string;
  statusName: string;
  statusCategoryKey: string;
  issueType: string;
  numbers: CachedIssueNumbers;
  updated: string | null;
}

/**
 * The numeric fields the cache must hold: the time fields, the connection's story-point fields and every
 * custom field a linked item tracks. Sorted, so two syncs needing the same fields compare equal.
 * @example numericFieldsNeeded(["customfield_10016"], [{ customField: "customfield_10030" }, "count"])
 */
export function numericFieldsNeeded(
  storyPointFieldIds: readonly string[],
  metrics: readonly Metric[],
): string[] {
  const custom = metrics.flatMap((metric) => (typeof metric === "string" ? [] : [metric.customField]));
  return [...new Set<string>([...TIME_FIELDS, ...storyPointFieldIds, ...custom])].sort();
}

const finite = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/**
 * The snapshot of an issue read from Jira with `BASE_ISSUE_FIELDS` and `numericFields`. A status without a
 * category counts as not done (`new`); a non-numeric value counts as missing.
 */
export function toSnapshot(issue: JiraIssue, numericFields: readonly string[]): IssueSnapshot {
  const basics = issueBasicsOf(issue);
  const numbers: CachedIssueNumbers = {};
  for (const field of numericFields) numbers[field] = finite(issue.fields[field]);
  return {
    issueId: issue.id,
    key: issue.key ?? issue.id,
    summary: basics.summary,
    statusName: basics.status.name,
    statusCategoryKey: basics.status.categoryKey,
    issueType: basics.issueType.name,
    numbers,
    updated: basics.updated,
  };
}

/** What the metrics read from a snapshot, story points resolved with the connection's fields in order. */
export function toMetricIssue(
  snapshot: Pick<IssueSnapshot, "statusCategoryKey" | "numbers">,
  storyPointFieldIds: readonly string[],
): MetricIssue {
  const { numbers } = snapshot;
  return {
    statusCategoryKey: snapshot.statusCategoryKey,
    timespent: numbers.timespent ?? null,
    timeoriginalestimate: numbers.timeoriginalestimate ?? null,
    timeestimate: numbers.timeestimate ?? null,
    storyPoints: resolveStoryPoints(numbers, storyPointFieldIds),
    customFields: numbers,
  };
}
