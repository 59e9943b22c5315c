import { isMetricOffered, type Measure, type Metric, metricName, NAMED_METRICS } from "@goalpost/domain";
import type { ConnectionFields } from "../api/jira-types";

/** Human names of the named metrics ("track progress by"). */
export const METRIC_LABELS: Readonly<Record<(typeof NAMED_METRICS)[number], string>> = {
  count: "Count of tickets",
  timeSpent: "Time spent",
  originalEstimate: "Original estimate",
  remainingEstimate: "Remaining estimate",
  progress: "Progress",
  storyPoints: "Story points",
};

/** What the progress metric averages (progress-rules.md): said in the editor and in the drill-down. */
export const PROGRESS_METRIC_NOTE =
  "Progress is the mean of Jira's progress (time spent ÷ time spent + remaining) over the issues with time tracking; issues without tracked time are left out.";

/** One choice of the "Track progress by" select; `value` is {@link encodeMetric}'s text. */
export interface MetricOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A group of choices (Jira's built-in fields, then the site's numeric custom fields). */
export interface MetricOptionGroup {
  group: string;
  items: MetricOption[];
}

/**
 * The metrics offered for a measure kind: percent complete leaves out remaining estimate and progress
 * (progress-rules.md); the site's numeric custom fields follow when known. Story points are disabled when
 * the site has no story-point field.
 * @example metricOptions("percent", undefined)[0].items.map((o) => o.value) // count, timeSpent, …
 */
export function metricOptions(
  kind: Measure["kind"],
  fields: ConnectionFields | undefined,
): MetricOptionGroup[] {
  const builtIn = NAMED_METRICS.filter((metric) => isMetricOffered(metric, kind)).map((metric) => {
    const noStoryPoints =
      metric === "storyPoints" && fields !== undefined && fields.storyPointFields.length === 0;
    return {
      value: metric,
      label: noStoryPoints
        ? `${METRIC_LABELS[metric]} (no story-point field on this site)`
        : METRIC_LABELS[metric],
      disabled: noStoryPoints,
    };
  });
  const groups: MetricOptionGroup[] = [{ group: "Jira fields", items: builtIn }];
  const storyPointIds = new Set(fields?.storyPointFields.map((field) => field.id));
  const custom = (fields?.numericFields ?? [])
    .filter((field) => !storyPointIds.has(field.id))
    .map((field) => ({ value: encodeMetric({ customField: field.id }), label: field.name }));
  if (custom.length > 0) groups.push({ group: "Numeric custom fields", items: custom });
  return groups;
}

/** A metric as the text of a select option: `count`, or `customField:customfield_10042`. */
export function encodeMetric(metric: Metric): string {
  return metricName(metric);
}

/** The inverse of {@link encodeMetric}; unknown text falls back to `count`. */
export function decodeMetric(value: string): Metric {
  if (value.startsWith("customField:")) return { customField: value.slice("customField:".length) };
  const named = NAMED_METRICS.find((metric) => metric === value);
  return named ?? "count";
}

/** A metric's human name, using the site's field names for custom fields when known. */
export function metricLabel(metric: Metric, fields?: ConnectionFields): string {
  if (typeof metric === "string") return METRIC_LABELS[metric];
  const field = fields?.numericFields.find((f) => f.id === metric.customField);
  return field?.name ?? metric.customField;
}

/** The unit a metric's value is in, for KPI defaults and value labels. */
export function metricUnit(metric: Metric): string {
  if (metric === "count") return "issues";
  if (metric === "timeSpent" || metric === "originalEstimate" || metric === "remainingEstimate") return "h";
  if (metric === "progress") return "%";
  if (metric === "storyPoints") return "points";
  return "";
}
