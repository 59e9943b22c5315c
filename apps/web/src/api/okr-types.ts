import type { Measure, Metric, ProgressStatus } from "@goalpost/domain";

export type { KpiMeasure, Measure, Metric, ProgressStatus } from "@goalpost/domain";

/** A named time range of an organisation (a quarter by default). */
export interface Period {
  id: string;
  orgId: string;
  name: string;
  start: string;
  end: string;
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
}

/** The current state of a measured item (key result, or objective). */
export interface ItemState {
  /** The metric's own number (issues, hours, points, percent for the progress metric). */
  value: number | null;
  /** Percent, unclamped; null when there is no data. */
  progress: number | null;
  expected: number | null;
  status: ProgressStatus;
  syncedAt: string | null;
  stale: StaleReason | null;
  /** Why progress is null ("no data"), when the API says. */
  noDataReason?: string | null;
  noDataMessage?: string | null;
  issueCount?: number | null;
  doneCount?: number | null;
}

/** A projection of where an item will be at the end of its period. */
export interface Forecast {
  value: number | null;
  progress: number | null;
  at?: string;
}

/** A key result. */
export interface KeyResult {
  id: string;
  objectiveId: string;
  title: string;
  ownerId: string | null;
  weight: number;
  measure: Measure;
  dataSource: JiraDataSource | null;
  state: ItemState;
  forecast?: Forecast | null;
  createdAt?: string;
  updatedAt?: string;
}

/** An objective with its key results. */
export interface Objective {
  id: string;
  orgId: string;
  periodId: string;
  parentId: string | null;
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
  createdAt?: string;
  updatedAt?: string;
}

/** One point of an item's history: a manual check-in or a change seen by the sync ("Jira"). */
export interface CheckIn {
  id: string;
  source: "jira" | "manual";
  author: { id: string; name: string } | null;
  value: number | null;
  progress: number | null;
  note?: string;
  createdAt: string;
}

/** One Jira issue behind a key result's number ("why this number"). */
export interface IssueContribution {
  key: string;
  summary: string;
  url?: string | null;
  status: string;
  statusCategory?: string;
  done: boolean;
  /** What the issue adds to the metric (1 per issue for count, hours for time, points…). */
  value: number | null;
}

/** `GET /key-results/:id/history` (and objectives'): the points plus what the period expects. */
export interface HistoryResponse {
  items: CheckIn[];
  forecast?: Forecast | null;
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
