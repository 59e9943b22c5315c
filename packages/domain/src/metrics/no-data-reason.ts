/**
 * Why a key result has no progress ("no data"), never shown as a silent 0% or NaN.
 * - `no_issues`: the JQL matches no issue;
 * - `no_completed_issues`: a completed-only KPI of the progress metric, and no matching issue is done;
 * - `no_values`: the issues match but the metric's denominator sums to 0 (e.g. nothing estimated);
 * - `no_tracked_time`: the progress metric, and no issue has time spent or remaining;
 * - `out_of_range`: the value or progress computed from Jira is not finite or too large to keep.
 * @example const reason: NoDataReason = "no_values";
 */
export type NoDataReason =
  | "no_issues"
  | "no_completed_issues"
  | "no_values"
  | "no_tracked_time"
  | "out_of_range";

/**
 * A default English sentence for each reason.
 * @example NO_DATA_MESSAGES.no_issues // "The JQL matches no issues."
 */
export const NO_DATA_MESSAGES: Readonly<Record<NoDataReason, string>> = {
  no_issues: "The JQL matches no issues.",
  no_completed_issues: "None of the matching issues is done yet.",
  no_values: "None of the matching issues has a value for this metric.",
  no_tracked_time: "None of the matching issues has time spent or remaining.",
  out_of_range: "The matching issues add up to a number too large to compute progress from.",
};
