import { kpiProgress, NO_DATA_MESSAGES, type NoDataReason } from "@goalpost/domain";
import type { JqlCheck } from "../api/jira-types";
import { formatPercent, formatValue } from "./format-progress";
import { draftMeasure, type MeasuredDraft } from "./measured-draft";
import { decodeMetric } from "./metric-options";

/** What the item would show if saved now. */
export interface WouldBeValue {
  /** "3 of 10 issues done → 30%", "12 bugs → 60%", or why there is no value. */
  label: string;
  /** True when the server read only part of the matching issues. */
  partial: boolean;
}

function noDataMessage(reason: string): string {
  return reason in NO_DATA_MESSAGES ? NO_DATA_MESSAGES[reason as NoDataReason] : "No data.";
}

/**
 * The value a checked query would give the draft: the check's own metric preview (computed by the server
 * exactly as a sync would); without one, only where the match count alone decides it (a KPI counting every
 * matching ticket); null when it cannot be known before saving.
 */
export function wouldBeValue(check: JqlCheck, draft: MeasuredDraft): WouldBeValue | null {
  const metric = decodeMetric(draft.metric);
  const measure = draftMeasure(draft);
  const preview = check.metricPreview;
  if (preview) {
    if (preview.value === null && preview.progress === null) {
      return { label: `no value yet: ${noDataMessage(preview.reason ?? "")}`, partial: preview.partial };
    }
    const progress = preview.progress === null ? "" : ` → ${formatPercent(preview.progress)}`;
    const value =
      measure.kind === "percent" && metric === "count"
        ? `${preview.doneCount} of ${preview.issueCount} issues done`
        : measure.kind === "percent"
          ? ""
          : formatValue(preview.value, measure, metric);
    return { label: `${value}${progress}`.replace(/^ → /, ""), partial: preview.partial };
  }
  if (measure.kind !== "kpi" || metric !== "count" || measure.completedOnly || check.matchCount === null) {
    return null;
  }
  const valid =
    Number.isFinite(measure.start) && Number.isFinite(measure.target) && measure.start !== measure.target;
  const progress = valid ? ` → ${formatPercent(kpiProgress(check.matchCount, measure))}` : "";
  return { label: `${formatValue(check.matchCount, measure, metric)}${progress}`, partial: false };
}
