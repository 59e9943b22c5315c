/**
 * The Jira Data Center route table: REST v2 (`/rest/api/2`), the endpoints Goalpost and the tests use. The
 * Cloud-only v3 endpoints are absent, so they answer 404 as a real Data Center server does.
 */
import type { ApiContext } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { Router } from "../http/router.ts";
import { createCustomField, createProject } from "./admin-create.ts";
import { getDataCenterMyself, getDataCenterServerInfo } from "./data-center-identity.ts";
import { createIssueHandler } from "./issue-create.ts";
import { deleteIssue, editIssue } from "./issue-edit.ts";
import { getIssue } from "./issue-get.ts";
import { getFields, getIssueTypes, getStatusCategories, getStatuses } from "./metadata.ts";
import { getProject, renderProject } from "./projects.ts";
import { searchV2 } from "./search-v2.ts";
import { doTransition, getTransitions } from "./transitions.ts";
import { deleteWebhook, getWebhook, listWebhooks, registerWebhook } from "./webhooks-admin.ts";
import { addWorklog, getWorklogs } from "./worklog.ts";

/** `GET /rest/api/2/project`: every project the caller may browse, unpaged. */
function listProjects(ctx: ApiContext): Response {
  const projects = ctx.store.visibleProjects(ctx.user).sort((a, b) => a.key.localeCompare(b.key));
  return json(
    200,
    projects.map((project) => renderProject(ctx, project, new Set(), false)),
  );
}

/** Builds the router for the Data Center endpoints. */
export function dataCenterRoutes(): Router<ApiContext> {
  const api = "/rest/api/2";
  return new Router<ApiContext>()
    .add("GET", `${api}/serverInfo`, getDataCenterServerInfo)
    .add("GET", `${api}/myself`, getDataCenterMyself)
    .add("GET", `${api}/project`, listProjects)
    .add("POST", `${api}/project`, createProject)
    .add("GET", `${api}/project/{projectIdOrKey}`, getProject)
    .add("GET", `${api}/field`, getFields)
    .add("POST", `${api}/field`, createCustomField)
    .add("GET", `${api}/statuscategory`, getStatusCategories)
    .add("GET", `${api}/status`, getStatuses)
    .add("GET", `${api}/issuetype`, getIssueTypes)
    .add("GET", `${api}/search`, searchV2)
    .add("POST", `${api}/search`, searchV2)
    .add("POST", `${api}/issue`, createIssueHandler)
    .add("GET", `${api}/issue/{issueIdOrKey}`, getIssue)
    .add("PUT", `${api}/issue/{issueIdOrKey}`, editIssue)
    .add("DELETE", `${api}/issue/{issueIdOrKey}`, deleteIssue)
    .add("GET", `${api}/issue/{issueIdOrKey}/transitions`, getTransitions)
    .add("POST", `${api}/issue/{issueIdOrKey}/transitions`, doTransition)
    .add("GET", `${api}/issue/{issueIdOrKey}/worklog`, getWorklogs)
    .add("POST", `${api}/issue/{issueIdOrKey}/worklog`, addWorklog)
    .add("GET", "/rest/webhooks/1.0/webhook", listWebhooks)
    .add("POST", "/rest/webhooks/1.0/webhook", registerWebhook)
    .add("GET", "/rest/webhooks/1.0/webhook/{id}", getWebhook)
    .add("DELETE", "/rest/webhooks/1.0/webhook/{id}", deleteWebhook);
}
