import type { RequestBody, ResponseBody, Schemas } from "./schema";

/** `GET /api/v1/portfolios/:id`. */
export type Portfolio = Schemas["Portfolio"];

/** A role in a portfolio. */
export type PortfolioRole = Schemas["PortfolioMember"]["role"];

/** What a caller may do on a portfolio (the server decides; the UI hides or disables with the reason). */
export type PortfolioAction = keyof Portfolio["permissions"];

/** Whether the caller may take an action, and why not. */
export type Permission = Portfolio["permissions"][PortfolioAction];

/** A member of a portfolio. */
export type PortfolioMember = Schemas["PortfolioMember"];

/** An initiative of a portfolio, with the progress of its linked epics. */
export type Initiative = Schemas["Initiative"];

/** Where an initiative is. */
export type InitiativeStatus = Initiative["status"];

/** Progress by issue count, and by story points when the site has them. */
export type Progress = Initiative["progress"];

/** Done of total, and the percent. */
export type DoneOfTotal = Progress["byCount"];

/** An epic linked to an initiative. */
export type LinkedEpic = Schemas["LinkedEpic"];

/** Why an epic's (or the portfolio's Jira's) numbers may be out of date. */
export type Stale = NonNullable<LinkedEpic["stale"]>;

/** A portfolio's Jira configuration. */
export type JiraConfig = Schemas["PortfolioJiraConfiguration"];

/** Which connection a portfolio reads Jira through: its own, or an organisation connection. */
export type PortfolioConnectionKind = JiraConfig["connection"]["kind"];

/** A Jira project the credentials can see. */
export type JiraProject = Schemas["JiraProject"];

/** A Jira project linked to the portfolio. */
export type LinkedProject = Schemas["LinkedJiraProject"];

/** What unlinking a project or removing the Jira configuration takes with it. */
export type CascadePreview = Schemas["JiraCascadePreview"];

/** An epic offered for linking. */
export type EpicChoice = Schemas["JiraEpicChoice"];

/** A portfolio's Jira: its own credentials, or an organisation connection the manager may use. */
export type PortfolioJiraChoice = RequestBody<"/api/v1/portfolios/{id}/jira", "put">;

/** A portfolio's own Jira credentials (`apiToken` omitted: keep the current one). */
export type JiraCredentials = Exclude<PortfolioJiraChoice, { connectionId: string }>;

/** `POST /portfolios/:id/jira/check`: who the credentials are, and the projects they see. */
export type CheckedCredentials = ResponseBody<"/api/v1/portfolios/{id}/jira/check", "post">;
