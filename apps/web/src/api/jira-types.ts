import type { Measure, Metric } from "@goalpost/domain";

/** Who may use a Jira connection besides its creator and the org's admins. */
export type ConnectionSharing =
  | { kind: "private" }
  | { kind: "org" }
  | { kind: "members"; userIds: string[] };

/** Which Jira: Atlassian's Cloud (e-mail + API token) or a company's Data Center / Server (personal access token). */
export type JiraDeployment = "cloud" | "dataCenter";

/** A named Jira connection (never its token). */
export interface JiraConnection {
  id: string;
  orgId: string;
  name: string;
  baseUrl: string;
  /** Absent from servers that predate Data Center support: Cloud. */
  deployment?: JiraDeployment;
  /** Cloud's account e-mail; empty for Data Center. */
  email: string;
  sharing: ConnectionSharing;
  createdBy: string | null;
  account: { accountId: string; displayName: string } | null;
  serverTitle: string | null;
  canManage: boolean;
  /** How the connection's background syncs go. */
  sync?: ConnectionSyncHealth;
  createdAt: string;
  updatedAt: string;
}

/** A connection's sync health. */
export interface ConnectionSyncHealth {
  lastSyncedAt: string | null;
  nextDueAt: string | null;
  /** Jira refused the credentials or address: no call is made until the connection is edited. */
  broken: boolean;
  error: { code: string; message: string; since: string } | null;
}

/** Body of `PATCH /jira/connections/:id` (every field optional; the tokens are write-only; no deployment change). */
export interface JiraConnectionPatch {
  name?: string;
  baseUrl?: string;
  email?: string;
  apiToken?: string;
  personalAccessToken?: string;
  sharing?: ConnectionSharing;
}

/** `POST /jira/connections/:id/test`. */
export interface ConnectionTestResult {
  ok: true;
  account: { accountId: string; displayName: string };
  serverTitle: string | null;
  /** What the site said it is. */
  deployment?: JiraDeployment;
}

/** Body of `POST /orgs/:orgId/jira/connections`: Cloud's e-mail and API token, or Data Center's PAT. */
export type NewJiraConnection = {
  name: string;
  baseUrl: string;
  sharing: ConnectionSharing;
} & (
  | { deployment?: "cloud"; email: string; apiToken: string }
  | { deployment: "dataCenter"; personalAccessToken: string }
);

/** A field of the Jira site offered as a metric. */
export interface JiraField {
  id: string;
  name: string;
}

/** `GET /jira/connections/:id/fields`. */
export interface ConnectionFields {
  storyPointFields: JiraField[];
  numericFields: JiraField[];
  fetchedAt: string;
}

/** The value a key result with the checked JQL, metric and measure would get now. */
export interface JqlMetricPreview {
  value: number | null;
  progress: number | null;
  /** Why there is no progress (`no_issues`, `no_values`, …), or null. */
  reason: string | null;
  issueCount: number;
  doneCount: number;
  /** More issues match than the preview reads. */
  partial: boolean;
}

/** `POST /jira/connections/:id/jql/check`: Jira's verdict on a query, before saving. */
export interface JqlCheck {
  valid: boolean;
  errors: string[];
  warnings: string[];
  matchCount: number | null;
  preview: { key: string; summary: string }[];
  /** With a metric in the request: the value it would give (null when the query is invalid). */
  metricPreview?: JqlMetricPreview | null;
}

/** Body of `POST /jira/connections/:id/jql/check`. */
export interface JqlCheckRequest {
  jql: string;
  metric?: Metric;
  measure?: Measure;
}

/** `GET /orgs/:orgId/integrations/jira`. */
export interface JiraIntegration {
  enabled: boolean;
}
