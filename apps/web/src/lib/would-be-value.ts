import { kpiProgress } from "@goalpost/domain";
import type { JqlCheck } from "../api/jira-types";
import { formatValue } from "./format-progress";
import { draftMeasure, type MeasuredDraft } from "./measured-draft";
import { decodeMetric } from "./metric-options";

/** What the item would show if saved now: the value (with unit) and its progress. */
export interface WouldBeValue {
  value: number;
  progress: number | null;
  label: string;
}

/**
 * The value a checked query would give the draft: the check's own metric preview when the server
 * computed one; otherwise, only where the match count alone decides it (a KPI counting every matching
 * ticket); null when the issues' fields are needed.
 */
export function wouldBeValue(check: JqlCheck, draft: MeasuredDraft): WouldBeValue | null {
  const metric = decodeMetric(draft.metric);
  const measure = draftMeasure(draft);
  const preview = check.metric;
  if (preview && preview.value !== null && preview.value !== undefined) {
    return {
      value: preview.value,
      progress: preview.progress ?? null,
      label:
        measure.kind === "percent"
          ? `${formatValue(preview.progress ?? null, measure, null)}`
          : formatValue(preview.value, measure, metric),
    };
  }
  if (measure.kind !== "kpi" || metric !== "count" || measure.completedOnly || check.matchCount === null)
    return null;
  const valid =
    Number.isFinite(measure.start) && Number.isFinite(measure.target) && measure.start !== measure.target;
  return {
    value: check.matchCount,
    progress: valid ? kpiProgress(check.matchCount, measure) : null,
    label: formatValue(check.matchCount, measure, metric),
  };
}
