/** The Jira REST route table. */
import type { ApiContext } from "../http/context.ts";
import { jiraError } from "../http/respond.ts";
import { Router } from "../http/router.ts";
import { createCustomField, createProject } from "./admin-create.ts";
import { approximateCount } from "./approximate-count.ts";
import { bulkFetch } from "./bulkfetch.ts";
import { getChangelog } from "./changelog.ts";
import { bulkCreateIssues, createIssueHandler } from "./issue-create.ts";
import { deleteIssue, editIssue } from "./issue-edit.ts";
import { getIssue } from "./issue-get.ts";
import { parseJql } from "./jql-parse.ts";
import { getFields, getIssueTypes, getStatusCategories, getStatuses } from "./metadata.ts";
import { getMyself } from "./myself.ts";
import { getProject, searchProjects } from "./projects.ts";
import { searchJql } from "./search-jql.ts";
import { getServerInfo } from "./server-info.ts";
import { doTransition, getTransitions } from "./transitions.ts";
import { deleteWebhook, getWebhook, listWebhooks, registerWebhook } from "./webhooks-admin.ts";
import { addWorklog, getWorklogs } from "./worklog.ts";

const REMOVED =
  "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";

/** Builds the router for every implemented Jira endpoint. */
export function jiraRoutes(): Router<ApiContext> {
  const api = "/rest/api/3";
  return new Router<ApiContext>()
    .add("GET", `${api}/serverInfo`, getServerInfo)
    .add("GET", `${api}/myself`, getMyself)
    .add("GET", `${api}/project/search`, searchProjects)
    .add("POST", `${api}/project`, createProject)
    .add("GET", `${api}/project/{projectIdOrKey}`, getProject)
    .add("GET", `${api}/field`, getFields)
    .add("POST", `${api}/field`, createCustomField)
    .add("GET", `${api}/statuscategory`, getStatusCategories)
    .add("GET", `${api}/status`, getStatuses)
    .add("GET", `${api}/issuetype`, getIssueTypes)
    .add("GET", `${api}/search/jql`, searchJql)
    .add("POST", `${api}/search/jql`, searchJql)
    .add("POST", `${api}/search/approximate-count`, approximateCount)
    .add("GET", `${api}/search`, () => jiraError(410, [REMOVED]))
    .add("POST", `${api}/search`, () => jiraError(410, [REMOVED]))
    .add("POST", `${api}/jql/parse`, parseJql)
    .add("POST", `${api}/issue/bulkfetch`, bulkFetch)
    .add("POST", `${api}/issue/bulk`, bulkCreateIssues)
    .add("POST", `${api}/issue`, createIssueHandler)
    .add("GET", `${api}/issue/{issueIdOrKey}`, getIssue)
    .add("PUT", `${api}/issue/{issueIdOrKey}`, editIssue)
    .add("DELETE", `${api}/issue/{issueIdOrKey}`, deleteIssue)
    .add("GET", `${api}/issue/{issueIdOrKey}/changelog`, getChangelog)
    .add("GET", `${api}/issue/{issueIdOrKey}/transitions`, getTransitions)
    .add("POST", `${api}/issue/{issueIdOrKey}/transitions`, doTransition)
    .add("GET", `${api}/issue/{issueIdOrKey}/worklog`, getWorklogs)
    .add("POST", `${api}/issue/{issueIdOrKey}/worklog`, addWorklog)
    .add("GET", "/rest/webhooks/1.0/webhook", listWebhooks)
    .add("POST", "/rest/webhooks/1.0/webhook", registerWebhook)
    .add("GET", "/rest/webhooks/1.0/webhook/{id}", getWebhook)
    .add("DELETE", "/rest/webhooks/1.0/webhook/{id}", deleteWebhook);
}
