import { computeMetric, isDone, type Measure, type Metric } from "@goalpost/domain";
import type { ItemResult } from "../measured/measured-item.repo.ts";
import { type IssueSnapshot, toMetricIssue } from "./issue-snapshot.ts";

/**
 * An item's result from the issues its query matched (`S`), looked up in the connection's cache. Issues
 * missing from the cache (deleted between the search and the fetch) are left out.
 * @example computeItemResult({ members: ["1"], cache, metric: "count", measure: { kind: "percent" }, storyPointFieldIds: [] })
 */
export function computeItemResult(input: {
  members: readonly string[];
  cache: ReadonlyMap<string, Pick<IssueSnapshot, "statusCategoryKey" | "numbers">>;
  metric: Metric;
  measure: Measure;
  storyPointFieldIds: readonly string[];
}): ItemResult {
  const issues = [...new Set(input.members)]
    .map((id) => input.cache.get(id))
    .filter((snapshot) => snapshot !== undefined)
    .map((snapshot) => toMetricIssue(snapshot, input.storyPointFieldIds));
  const result = computeMetric(issues, input.metric, input.measure);
  return { ...result, issueCount: issues.length, doneCount: issues.filter(isDone).length };
}
