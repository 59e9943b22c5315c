import type { Measure, Metric, ProgressStatus } from "@goalpost/domain";

export type { KpiMeasure, Measure, Metric, ProgressStatus } from "@goalpost/domain";

/** A named time range of an organisation (a quarter by default). */
export interface Period {
  id: string;
  orgId: string;
  name: string;
  start: string;
  end: string;
  createdAt?: string;
}

/** Where a Jira-linked item reads its number. */
export interface JiraDataSource {
  kind: "jira";
  connectionId: string;
  jql: string;
  metric: Metric;
}

/** Why an item's number may be out of date. */
export interface StaleReason {
  code: string;
  message: string;
  since?: string | null;
}

/** The current state of a measured item (key result, or objective). */
export interface ItemState {
  /** The metric's own number (issues, hours, points, percent for the progress metric). */
  value: number | null;
  /** Percent, unclamped; null when there is no data. */
  progress: number | null;
  /** Where progress should be now, in percent of the period. */
  expected: number;
  status: ProgressStatus;
  syncedAt: string | null;
  stale: StaleReason | null;
  /** Set on a refresh's answer (202) when Jira was slow: the re-read goes on, the value shown is the last one. */
  refreshing?: boolean;
  /** Why progress is null ("no data"). */
  noDataReason?: string | null;
  noDataMessage?: string | null;
  issueCount?: number | null;
  doneCount?: number | null;
}

/** A projection of where an item will be at the end of its period. */
export interface Forecast {
  value: number;
  progress: number | null;
  at: string;
}

/** A key result. */
export interface KeyResult {
  id: string;
  orgId?: string;
  objectiveId: string;
  periodId?: string;
  title: string;
  ownerId: string | null;
  weight: number;
  measure: Measure;
  dataSource: JiraDataSource | null;
  state: ItemState;
  forecast?: Forecast | null;
  /** Why there is no forecast (too little history), or null. */
  forecastNote?: string | null;
  /** Whether the caller may edit, delete and check in. */
  canEdit?: boolean;
  createdBy?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

/** An objective with its key results. */
export interface Objective {
  id: string;
  orgId: string;
  periodId: string;
  parentId: string | null;
  /** The title of the objective it aligns to (in the goals list). */
  parentTitle?: string | null;
  /** Objectives aligned to this one. */
  childIds?: string[];
  title: string;
  description: string;
  ownerId: string | null;
  weight: number;
  /** Set when the objective has its own data source. */
  measure: Measure | null;
  dataSource: JiraDataSource | null;
  state: ItemState;
  keyResults: KeyResult[];
  forecast?: Forecast | null;
  /** Why there is no forecast (too little history), or null. */
  forecastNote?: string | null;
  canEdit?: boolean;
  createdBy?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

/** One point of an item's history: a manual check-in, a change seen by the sync ("Jira"), or a rollup. */
export interface CheckIn {
  id: string;
  /** `rollup`: an objective's progress derived from its key results' check-ins. */
  source: "jira" | "manual" | "rollup";
  author: { id: string; name: string } | null;
  value: number | null;
  progress: number | null;
  issueCount?: number | null;
  doneCount?: number | null;
  note: string;
  createdAt: string;
}

/** One Jira issue behind a key result's number ("why this number"). */
export interface IssueContribution {
  key: string;
  /** The issue in Jira. */
  url: string;
  summary: string;
  statusName: string;
  statusCategoryKey: string;
  done: boolean;
  /** What the issue adds to the metric (1 per issue for count, hours for time, points…). */
  value: number | null;
}

/** `GET /key-results/:id/history` (and objectives'): the points plus what the period expects. */
export interface HistoryResponse {
  /** Oldest first. */
  items: CheckIn[];
  forecast: Forecast | null;
  /** Why there is no forecast (too little history), or null. */
  forecastNote?: string | null;
}

/** `GET /key-results/:id/issues`. */
export interface IssuesResponse {
  items: IssueContribution[];
  /** When the issues were last read from Jira. */
  syncedAt: string | null;
}

/** Objectives of a period by status (the org summary). */
export interface StatusSummary {
  total: number;
  not_started: number;
  on_track: number;
  behind: number;
  at_risk: number;
  achieved: number;
}

/** Body of a create/edit of a key result. */
export interface KeyResultInput {
  title: string;
  ownerId?: string | null;
  weight?: number;
  measure: Measure;
  dataSource: JiraDataSource | null;
}

/** Body of a create/edit of an objective. */
export interface ObjectiveInput {
  title: string;
  description?: string;
  periodId: string;
  ownerId?: string | null;
  parentId?: string | null;
  weight?: number;
  measure?: Measure | null;
  dataSource?: JiraDataSource | null;
}
