import type { RequestBody, ResponseBody, Schemas } from "./schema";

/** Who may use a Jira connection besides its creator and the org's admins. */
export type ConnectionSharing = Schemas["JiraConnectionSharing"];

/** Which Jira: Atlassian's Cloud (e-mail + API token) or a company's Data Center / Server (personal access token). */
export type JiraDeployment = Schemas["JiraDeployment"];

/** A named Jira connection (never its token). */
export type JiraConnection = Schemas["JiraConnection"];

/** A connection's sync health. */
export type ConnectionSyncHealth = NonNullable<JiraConnection["sync"]>;

/** Body of `PATCH /jira/connections/:id` (every field optional; the tokens are write-only; no deployment change). */
export type JiraConnectionPatch = RequestBody<"/api/v1/jira/connections/{id}", "patch">;

/** `POST /jira/connections/:id/test`. */
export type ConnectionTestResult = ResponseBody<"/api/v1/jira/connections/{id}/test", "post">;

/** Body of `POST /orgs/:orgId/jira/connections`: Cloud's e-mail and API token, or Data Center's PAT. */
export type NewJiraConnection = RequestBody<"/api/v1/orgs/{orgId}/jira/connections", "post">;

/** A field of the Jira site offered as a metric. */
export type JiraField = Schemas["JiraField"];

/** `GET /jira/connections/:id/fields`. */
export type ConnectionFields = ResponseBody<"/api/v1/jira/connections/{id}/fields", "get">;

/** `POST /jira/connections/:id/jql/check`: Jira's verdict on a query, before saving. */
export type JqlCheck = ResponseBody<"/api/v1/jira/connections/{id}/jql/check", "post">;

/** The value a key result with the checked JQL, metric and measure would get now. */
export type JqlMetricPreview = NonNullable<JqlCheck["metricPreview"]>;

/** Body of `POST /jira/connections/:id/jql/check`. */
export type JqlCheckRequest = RequestBody<"/api/v1/jira/connections/{id}/jql/check", "post">;

/** `GET /orgs/:orgId/integrations/jira`. */
export type JiraIntegration = Schemas["JiraIntegration"];
