/**
 * The emulated site's data model. Issues are kept in Jira REST v3 shape ({@link StoredIssue}) so that
 * rendering a response is a projection and the JQL engine reads exactly what clients see.
 */
import type { ChangelogHistory, ChangelogItem, FieldDetails, StoredIssue } from "../jql/types.ts";

export type { ChangelogHistory, ChangelogItem, FieldDetails, StoredIssue };

/** Status category keys as Jira reports them (`statusCategory.key`). */
export type StatusCategoryKey = "undefined" | "new" | "indeterminate" | "done";

/** A person on the site; `apiTokens` are what basic auth checks (`email:token`). */
export interface SiteUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  timeZone: string;
  active: boolean;
  /** Site admins see every project and may create projects, fields and webhooks. */
  siteAdmin: boolean;
  apiTokens: string[];
  /** Project ids this user may browse (ignored for site admins). */
  projectIds: Set<string>;
}

/** A Jira status; `projectId` is set for team-managed (next-gen) statuses, which are project scoped. */
export interface SiteStatus {
  id: string;
  name: string;
  description: string;
  categoryKey: StatusCategoryKey;
  projectId?: string;
}

/** A Jira issue type (`hierarchyLevel` -1 sub-task, 0 standard, 1 epic). */
export interface SiteIssueType {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
  avatarId: number;
  projectId?: string;
}

/** A workflow transition: its id, name and target status. */
export interface SiteTransition {
  id: string;
  name: string;
  toStatusId: string;
}

/** A version of a project (fixVersions / versions values). */
export interface SiteVersion {
  id: string;
  name: string;
  projectId: string;
  released: boolean;
  archived: boolean;
  releaseDate?: string;
}

/** A project component. */
export interface SiteComponent {
  id: string;
  name: string;
  projectId: string;
}

/** A project: company-managed (`classic`) or team-managed (`next-gen`). */
export interface SiteProject {
  id: string;
  key: string;
  name: string;
  description: string;
  style: "classic" | "next-gen";
  leadAccountId: string;
  avatarId: number;
  uuid: string;
  issueTypeIds: string[];
  /** Statuses of the project's workflow, in board order. */
  statusIds: string[];
  /** Global transitions (any status to the target), as team-managed and simplified workflows have. */
  transitions: SiteTransition[];
  /** Issue counter used for the next key (`KEY-<n>`). */
  lastIssueNumber: number;
}

/** A sprint of the Sprint field (`customfield_10020`). */
export interface SiteSprint {
  id: number;
  name: string;
  state: "active" | "closed" | "future";
  boardId: number;
  goal: string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
}

/** A logged unit of work; it also updates the issue's time tracking and changelog. */
export interface SiteWorklog {
  id: string;
  issueId: string;
  authorAccountId: string;
  /** Who changed it last, when not the author. */
  updateAuthorAccountId?: string;
  started: string;
  created: string;
  updated: string;
  timeSpentSeconds: number;
  comment?: unknown;
}

/** An id/name pair (priorities, resolutions). */
export interface NamedValue {
  id: string;
  name: string;
  description?: string;
}

/** A registered admin webhook (`/rest/webhooks/1.0/webhook`). */
export interface SiteWebhook {
  id: number;
  name: string;
  url: string;
  events: string[];
  jqlFilter: string;
  secret?: string;
  enabled: boolean;
  excludeBody: boolean;
  createdBy: string;
  created: number;
}

/** `configuration/timetracking`: the selected provider key (null when time tracking is off) and its options. */
export interface TimeTrackingSettings {
  provider: string | null;
  options: {
    workingHoursPerDay: number;
    workingDaysPerWeek: number;
    timeFormat: "pretty" | "days" | "hours";
    defaultUnit: "minute" | "hour" | "day" | "week";
  };
}
