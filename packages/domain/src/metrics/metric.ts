/** A numeric custom field of the Jira site, by id (e.g. `customfield_10042`). */
export interface CustomFieldMetric {
  readonly customField: string;
}

/**
 * What a Jira-linked key result tracks ("track by" in the editor).
 * @example const metric: Metric = { customField: "customfield_10042" };
 */
export type Metric =
  | "count"
  | "timeSpent"
  | "originalEstimate"
  | "remainingEstimate"
  | "progress"
  | "storyPoints"
  | CustomFieldMetric;

/** The metric names that are plain strings. */
export const NAMED_METRICS = [
  "count",
  "timeSpent",
  "originalEstimate",
  "remainingEstimate",
  "progress",
  "storyPoints",
] as const;
export type NamedMetric = (typeof NAMED_METRICS)[number];

/** Metrics that percent complete does not offer (progress-rules.md, "not offered"). */
const KPI_ONLY: ReadonlySet<Metric> = new Set<Metric>(["remainingEstimate", "progress"]);

/**
 * Whether `metric` can be used with a measure of `kind`. KPI offers every metric; percent complete
 * refuses remaining estimate and progress.
 * @example isMetricOffered("remainingEstimate", "percent") // false
 */
export function isMetricOffered(metric: Metric, kind: "percent" | "kpi"): boolean {
  return kind === "kpi" || !KPI_ONLY.has(metric);
}

/**
 * A stable text form of a metric, for messages and keys.
 * @example metricName({ customField: "customfield_10042" }) // "customField:customfield_10042"
 */
export function metricName(metric: Metric): string {
  return typeof metric === "string" ? metric : `customField:${metric.customField}`;
}
