/**
 * The fields of one Jira issue that the metrics read — the issue's own fields, never the `aggregate*` ones.
 * Times are Jira's seconds; a missing value is `null` (or absent) and counts as 0 in sums.
 * @example
 * const issue: MetricIssue = {
 *   statusCategoryKey: "done", timespent: 7200, timeoriginalestimate: 3600, timeestimate: 0,
 *   storyPoints: 3, customFields: { customfield_10042: 12 },
 * };
 */
export interface MetricIssue {
  /** `status.statusCategory.key`: `new`, `indeterminate` or `done`. */
  readonly statusCategoryKey: string;
  readonly timespent?: number | null;
  readonly timeoriginalestimate?: number | null;
  readonly timeestimate?: number | null;
  /** Already resolved for the issue (see `resolveStoryPoints`). */
  readonly storyPoints?: number | null;
  /** Numeric custom field values by field id. */
  readonly customFields?: Readonly<Record<string, number | null | undefined>>;
}

/**
 * Whether the issue is in Jira's Done status category (set `D`), whatever its resolution.
 * @example isDone({ statusCategoryKey: "done" }) // true
 */
export function isDone(issue: Pick<MetricIssue, "statusCategoryKey">): boolean {
  return issue.statusCategoryKey === "done";
}

/**
 * A numeric field value, or 0 when missing or not a finite number.
 * @example orZero(null) // 0
 */
export function orZero(value: number | null | undefined): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
