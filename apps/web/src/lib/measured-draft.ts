import { isDomainError, isMetricOffered, type Measure, validateMeasure } from "@goalpost/domain";
import type { JqlCheckRequest } from "../api/jira-types";
import type { JiraDataSource } from "../api/okr-types";
import { decodeMetric, encodeMetric } from "./metric-options";

/** The editor's state for how an item is measured and where its number comes from. */
export interface MeasuredDraft {
  measureKind: Measure["kind"];
  /** KPI metric name / unit ("bugs", "hours"). */
  unit: string;
  start: number | "";
  target: number | "";
  /** KPI only: count issues in Jira's Done category only. */
  completedOnly: boolean;
  /** "Connect data source to auto-update progress". */
  useJira: boolean;
  connectionId: string | null;
  /** {@link encodeMetric} text of the chosen metric. */
  metric: string;
  jql: string;
}

/** The editor's state for an item, or a new one (percent complete, manual). */
export function draftFromItem(measure: Measure | null, dataSource: JiraDataSource | null): MeasuredDraft {
  return {
    measureKind: measure?.kind ?? "percent",
    unit: measure?.kind === "kpi" ? (measure.unit ?? "") : "",
    start: measure?.kind === "kpi" ? measure.start : 0,
    target: measure?.kind === "kpi" ? measure.target : "",
    completedOnly: measure?.kind === "kpi" ? measure.completedOnly : false,
    useJira: dataSource !== null,
    connectionId: dataSource?.connectionId ?? null,
    metric: dataSource ? encodeMetric(dataSource.metric) : "count",
    jql: dataSource?.jql ?? "",
  };
}

/**
 * Applies an edit to the draft (or to a form's values that hold one); a measure switch to percent complete drops a metric it does not offer
 * (remaining estimate, progress) back to count of tickets.
 */
export function updateDraft<Draft extends MeasuredDraft>(draft: Draft, patch: Partial<MeasuredDraft>): Draft {
  const next: Draft = { ...draft, ...patch };
  if (!isMetricOffered(decodeMetric(next.metric), next.measureKind)) next.metric = "count";
  return next;
}

/** The measure the draft describes (start/target may still be empty: see {@link draftErrors}). */
export function draftMeasure(draft: MeasuredDraft): Measure {
  if (draft.measureKind === "percent") return { kind: "percent" };
  const unit = draft.unit.trim();
  return {
    kind: "kpi",
    ...(unit ? { unit } : {}),
    start: draft.start === "" ? Number.NaN : draft.start,
    target: draft.target === "" ? Number.NaN : draft.target,
    completedOnly: draft.useJira ? draft.completedOnly : false,
  };
}

/** Field messages for a draft that cannot be saved (keys: start, target, connectionId, jql, metric). */
export function draftErrors(draft: MeasuredDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.measureKind === "kpi") {
    if (draft.start === "") errors.start = "Enter the starting value";
    if (draft.target === "") errors.target = "Enter the target value";
    if (!errors.start && !errors.target) {
      try {
        validateMeasure(draftMeasure(draft));
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const field = error.details?.field === "start" ? "start" : "target";
        errors[field] =
          error.details?.rule === "target_equals_start"
            ? "The target must differ from the start"
            : error.message;
      }
    }
  }
  if (draft.useJira) {
    if (!draft.connectionId) errors.connectionId = "Choose a Jira connection";
    if (!draft.jql.trim()) errors.jql = "Enter a JQL query";
    if (!isMetricOffered(decodeMetric(draft.metric), draft.measureKind)) {
      errors.metric = "Percent complete does not offer this metric; use a KPI";
    }
  }
  return errors;
}

/** The request body parts for a valid draft. */
export function draftToPayload(draft: MeasuredDraft): {
  measure: Measure;
  dataSource: JiraDataSource | null;
} {
  const measure = draftMeasure(draft);
  if (!draft.useJira || !draft.connectionId) return { measure, dataSource: null };
  return {
    measure,
    dataSource: {
      kind: "jira",
      connectionId: draft.connectionId,
      jql: draft.jql.trim(),
      metric: decodeMetric(draft.metric),
    },
  };
}

/**
 * What to ask the JQL check for the draft: the query, the metric, and the measure once it is valid (so
 * the server computes the value the item would get).
 */
export function draftCheckRequest(draft: MeasuredDraft): JqlCheckRequest {
  const errors = draftErrors({ ...draft, useJira: false });
  const measure = errors.start || errors.target ? undefined : draftMeasure(draft);
  return { jql: draft.jql.trim(), metric: decodeMetric(draft.metric), ...(measure ? { measure } : {}) };
}
