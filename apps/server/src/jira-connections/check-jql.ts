import { isMetricOffered, type Measure, type Metric } from "@goalpost/domain";
import { computeItemResult } from "../sync/compute-item-result.ts";
import { storyPointFieldIdsOf } from "../sync/connection-fields.ts";
import { BASE_ISSUE_FIELDS, numericFieldsNeeded, toSnapshot } from "../sync/issue-snapshot.ts";
import { accessConnection } from "./access-connection.ts";
import { connectionCredentials } from "./connection-credentials.ts";
import type { ConnectionDeps } from "./connection-deps.ts";
import { openJiraClient } from "./jira-access.ts";
import { callJira } from "./jira-failure.ts";
import { jiraAccessForOrg } from "./org-jira-gate.ts";

/** How many matching issues the preview shows. */
export const JQL_PREVIEW_SIZE = 5;
/** The metric preview reads at most this many matching issues (a preview, not a sync). */
export const METRIC_PREVIEW_LIMIT = 5000;

/** The value a key result with this JQL, metric and measure would get now. */
export interface MetricPreview {
  value: number | null;
  progress: number | null;
  /** Why there is no progress (`no_issues`, `no_values`, …), or null. */
  reason: string | null;
  issueCount: number;
  doneCount: number;
  /** True when more issues match than the preview reads ({@link METRIC_PREVIEW_LIMIT}). */
  partial: boolean;
}

/** Jira's verdict on a JQL query, before anything is saved. */
export interface JqlCheck {
  valid: boolean;
  /** Jira's own messages (`/jql/parse`, strict). */
  errors: string[];
  warnings: string[];
  /** Jira's approximate count of matching issues; null when the query is invalid. */
  matchCount: number | null;
  /** The first few matching issues. */
  preview: { key: string; summary: string }[];
  /** With a metric: the value the key result would get (null when the JQL is invalid or no metric was given). */
  metricPreview: MetricPreview | null;
}

/** Jira's own verdict on `jql` (`/jql/parse`, strict): its error and warning messages. */
export async function jqlVerdict(
  jira: Pick<ReturnType<typeof openJiraClient>, "parseJql">,
  jql: string,
): Promise<{ errors: string[]; warnings: string[] }> {
  const [parsed] = await jira.parseJql([jql]);
  return {
    errors: parsed?.errors ?? ["Jira did not return a verdict for the query."],
    warnings: parsed?.warnings ?? [],
  };
}

/** Validates `jql` with Jira's own parser on the connection's site, then counts and previews its matches. */
export async function checkJql(
  deps: ConnectionDeps,
  input: {
    id: string;
    userId: string;
    jql: string;
    metric?: Metric | undefined;
    measure?: Measure | undefined;
  },
): Promise<JqlCheck> {
  const { row } = await accessConnection(deps.db, { id: input.id, userId: input.userId, purpose: "use" });
  const jira = openJiraClient(await jiraAccessForOrg(deps, row.orgId), connectionCredentials(deps.box, row));
  return callJira(async () => {
    const { errors, warnings } = await jqlVerdict(jira, input.jql);
    if (errors.length > 0) {
      return { valid: false, errors, warnings, matchCount: null, preview: [], metricPreview: null };
    }
    const [matchCount, issues] = await Promise.all([
      jira.approximateCount(input.jql),
      jira.searchIssues(input.jql, ["summary"], { pageSize: JQL_PREVIEW_SIZE, limit: JQL_PREVIEW_SIZE }),
    ]);
    const preview = issues.map((issue) => ({
      key: issue.key ?? issue.id,
      summary: typeof issue.fields.summary === "string" ? issue.fields.summary : "",
    }));
    const metricPreview =
      input.metric === undefined
        ? null
        : await previewMetric(deps, {
            row,
            jira,
            jql: input.jql,
            metric: input.metric,
            measure: input.measure,
          });
    return { valid: true, errors: [], warnings, matchCount, preview, metricPreview };
  });
}

/**
 * Computes the metric over the query's issues (up to {@link METRIC_PREVIEW_LIMIT}) exactly as a sync would.
 * Without a measure: percent complete where the metric offers it, else the KPI value alone.
 */
async function previewMetric(
  deps: ConnectionDeps,
  input: {
    row: Parameters<typeof storyPointFieldIdsOf>[1];
    jira: ReturnType<typeof openJiraClient>;
    jql: string;
    metric: Metric;
    measure: Measure | undefined;
  },
): Promise<MetricPreview> {
  const storyPointFieldIds = await storyPointFieldIdsOf(deps.db, input.row, input.jira, deps.now());
  const numericFields = numericFieldsNeeded(storyPointFieldIds, [input.metric]);
  const issues = await input.jira.searchIssues(input.jql, [...BASE_ISSUE_FIELDS, ...numericFields], {
    limit: METRIC_PREVIEW_LIMIT + 1,
  });
  const read = issues.slice(0, METRIC_PREVIEW_LIMIT).map((issue) => toSnapshot(issue, numericFields));
  const valueOnly = input.measure === undefined && !isMetricOffered(input.metric, "percent");
  const measure: Measure =
    input.measure ??
    (valueOnly ? { kind: "kpi", start: 0, target: 1, completedOnly: false } : { kind: "percent" });
  // An invalid measure (KPI target = start, a metric percent complete does not offer) throws a DomainError: 400.
  const result = computeItemResult({
    members: read.map((snapshot) => snapshot.issueId),
    cache: new Map(read.map((snapshot) => [snapshot.issueId, snapshot])),
    metric: input.metric,
    measure,
    storyPointFieldIds,
  });
  return {
    value: result.value,
    progress: valueOnly ? null : result.progress,
    reason: result.reason ?? null,
    issueCount: result.issueCount,
    doneCount: result.doneCount,
    partial: issues.length > METRIC_PREVIEW_LIMIT,
  };
}
