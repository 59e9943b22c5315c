import type { RequestBody, Schemas } from "./schema";

export type { KpiMeasure, Measure, Metric, ProgressStatus } from "@goalpost/domain";

/** A named time range of an organisation (a quarter by default). */
export type Period = Schemas["Period"];

/** Where a Jira-linked item reads its number. */
export type JiraDataSource = Schemas["JiraDataSource"];

/** Why an item's number may be out of date. */
export type StaleReason = Schemas["StaleReason"];

/** The current state of a measured item (key result, or objective). */
export type ItemState = Schemas["ItemState"];

/** A projection of where an item will be at the end of its period. */
export type Forecast = Schemas["Forecast"];

/** A key result. */
export type KeyResult = Schemas["KeyResult"];

/** A key result as the goals list shows it (within its objective). */
export type KeyResultListItem = Schemas["KeyResultListItem"];

/** An objective in the goals list, with its key results. */
export type ObjectiveListItem = Schemas["ObjectiveListItem"];

/** An objective's own fields, as both the goals list and the objective's page have them. */
export type ObjectiveFields = Omit<ObjectiveListItem, "parentTitle" | "keyResults">;

/** An objective with its key results. */
export type Objective = Schemas["Objective"];

/** One point of an item's history: a manual check-in, a change seen by the sync ("Jira"), or a rollup. */
export type CheckIn = Schemas["CheckIn"];

/** One Jira issue behind a key result's number ("why this number"). */
export type IssueContribution = Schemas["IssueContribution"];

/** `GET /key-results/:id/history` (and objectives'): the points plus what the period expects. */
export type HistoryResponse = Schemas["History"];

/** `GET /key-results/:id/issues`. */
export type IssuesResponse = Schemas["IssueContributions"];

/** Objectives of a period by status (the org summary). */
export type StatusSummary = Schemas["StatusSummary"];

/** Body of a create/edit of a key result. */
export type KeyResultInput = RequestBody<"/api/v1/objectives/{id}/key-results", "post">;

/** Body of an edit of a key result (any of its fields). */
export type KeyResultPatch = RequestBody<"/api/v1/key-results/{id}", "patch">;

/** Body of an edit of an objective (any of its fields). */
export type ObjectivePatch = RequestBody<"/api/v1/objectives/{id}", "patch">;

/** Body of a create/edit of an objective. */
export type ObjectiveInput = RequestBody<"/api/v1/orgs/{orgId}/objectives", "post">;
