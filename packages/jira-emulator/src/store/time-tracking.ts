/** Jira's derived time-tracking fields: `timetracking`, `progress`, `workratio` and the Σ aggregates. */
import { formatJiraDuration } from "./jira-format.ts";

type Fields = Record<string, unknown>;

const seconds = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** `progress`/`aggregateprogress`: `percent` is omitted when the total is zero, as on real sites. */
export function progressValue(spent: number | null, remaining: number | null): Record<string, number> {
  const progress = spent ?? 0;
  const total = progress + (remaining ?? 0);
  if (total === 0) return { progress, total };
  return { progress, total, percent: Math.floor((progress * 100) / total) };
}

/** `timetracking` holds only the keys that exist; `{}` when nothing is set. */
export function timeTrackingValue(
  original: number | null,
  remaining: number | null,
  spent: number | null,
): Fields {
  const value: Fields = {};
  if (original !== null) {
    value.originalEstimate = formatJiraDuration(original);
  }
  if (remaining !== null) {
    value.remainingEstimate = formatJiraDuration(remaining);
  }
  if (spent !== null) {
    value.timeSpent = formatJiraDuration(spent);
  }
  if (original !== null) value.originalEstimateSeconds = original;
  if (remaining !== null) value.remainingEstimateSeconds = remaining;
  if (spent !== null) value.timeSpentSeconds = spent;
  return value;
}

const sumOrNull = (values: (number | null)[]): number | null =>
  values.every((v) => v === null) ? null : values.reduce<number>((sum, v) => sum + (v ?? 0), 0);

/**
 * Recomputes an issue's derived time fields in place from `timeoriginalestimate`, `timeestimate` and
 * `timespent`, summing the aggregates over the given sub-task field sets.
 */
export function applyTimeTracking(fields: Fields, subtaskFields: readonly Fields[]): void {
  const original = seconds(fields.timeoriginalestimate);
  const remaining = seconds(fields.timeestimate);
  const spent = seconds(fields.timespent);
  fields.timetracking = timeTrackingValue(original, remaining, spent);
  fields.progress = progressValue(spent, remaining);
  fields.workratio = original !== null && original > 0 ? Math.floor(((spent ?? 0) * 100) / original) : -1;
  const all = [fields, ...subtaskFields];
  const aggOriginal = sumOrNull(all.map((f) => seconds(f.timeoriginalestimate)));
  const aggRemaining = sumOrNull(all.map((f) => seconds(f.timeestimate)));
  const aggSpent = sumOrNull(all.map((f) => seconds(f.timespent)));
  fields.aggregatetimeoriginalestimate = aggOriginal;
  fields.aggregatetimeestimate = aggRemaining;
  fields.aggregatetimespent = aggSpent;
  fields.aggregateprogress = progressValue(aggSpent, aggRemaining);
}
