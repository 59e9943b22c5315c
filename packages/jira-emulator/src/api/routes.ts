/** The Jira REST route table. */
import type { ApiContext } from "../http/context.ts";
import { jiraError } from "../http/respond.ts";
import { Router } from "../http/router.ts";
import { createCustomField, createProject } from "./admin-create.ts";
import { approximateCount } from "./approximate-count.ts";
import { bulkFetch } from "./bulkfetch.ts";
import { getChangelog } from "./changelog.ts";
import { searchFields } from "./field-search.ts";
import { bulkCreateIssues, createIssueHandler } from "./issue-create.ts";
import { deleteIssue, editIssue } from "./issue-edit.ts";
import { getIssue } from "./issue-get.ts";
import { getIssuePicker } from "./issue-picker.ts";
import { getAlternativeIssueTypes, getIssueType } from "./issuetype-lookup.ts";
import { getAutoComplete, getAutoCompleteSuggestions } from "./jql-autocomplete.ts";
import { matchIssues } from "./jql-match.ts";
import { parseJql } from "./jql-parse.ts";
import { getFields, getIssueTypes, getStatusCategories, getStatuses } from "./metadata.ts";
import { getMyself } from "./myself.ts";
import { getLocale, getPreference, removePreference, setPreference } from "./preferences.ts";
import { deleteProject } from "./project-delete.ts";
import { getProjectRole, getProjectRoles } from "./project-roles.ts";
import { getProjectHierarchy, getProjectStatuses } from "./project-structure.ts";
import { getProject, searchProjects } from "./projects.ts";
import { searchJql } from "./search-jql.ts";
import { getServerInfo } from "./server-info.ts";
import { getStatus, getStatusCategory, searchStatuses } from "./status-lookup.ts";
import {
  getSelectedTimeTracking,
  getTimeTrackingOptions,
  listTimeTrackingProviders,
  selectTimeTracking,
  setTimeTrackingOptions,
} from "./time-tracking-config.ts";
import { doTransition, getTransitions } from "./transitions.ts";
import { deleteWebhook, getWebhook, listWebhooks, registerWebhook } from "./webhooks-admin.ts";
import { addWorklog, getWorklogs } from "./worklog.ts";
import { getWorklogsForIds, getWorklogsUpdatedSince } from "./worklog-bulk.ts";
import { deleteWorklog, getWorklog, updateWorklog } from "./worklog-item.ts";

const REMOVED =
  "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";

/**
 * Builds the router for every implemented Jira endpoint. The first matching template wins, so fixed paths
 * (`issue/picker`, `project/search`) come before the `{param}` templates they would otherwise fall into.
 */
export function jiraRoutes(): Router<ApiContext> {
  const api = "/rest/api/3";
  return (
    new Router<ApiContext>()
      .add("GET", `${api}/serverInfo`, getServerInfo)
      // Cloud answers v2's serverInfo too: a client learns what a site is before it knows which REST to speak.
      .add("GET", "/rest/api/2/serverInfo", getServerInfo)
      .add("GET", `${api}/myself`, getMyself)
      .add("GET", `${api}/mypreferences`, getPreference)
      .add("PUT", `${api}/mypreferences`, setPreference)
      .add("DELETE", `${api}/mypreferences`, removePreference)
      .add("GET", `${api}/mypreferences/locale`, getLocale)
      .add("GET", `${api}/project/search`, searchProjects)
      .add("POST", `${api}/project`, createProject)
      .add("GET", `${api}/project/{projectIdOrKey}`, getProject)
      .add("DELETE", `${api}/project/{projectIdOrKey}`, deleteProject)
      .add("GET", `${api}/project/{projectIdOrKey}/statuses`, getProjectStatuses)
      .add("GET", `${api}/project/{projectId}/hierarchy`, getProjectHierarchy)
      .add("GET", `${api}/project/{projectIdOrKey}/role`, getProjectRoles)
      .add("GET", `${api}/project/{projectIdOrKey}/role/{id}`, getProjectRole)
      .add("GET", `${api}/field`, getFields)
      .add("POST", `${api}/field`, createCustomField)
      .add("GET", `${api}/field/search`, searchFields)
      .add("GET", `${api}/statuscategory`, getStatusCategories)
      .add("GET", `${api}/statuscategory/{idOrKey}`, getStatusCategory)
      .add("GET", `${api}/status`, getStatuses)
      .add("GET", `${api}/status/{idOrName}`, getStatus)
      .add("GET", `${api}/statuses/search`, searchStatuses)
      .add("GET", `${api}/issuetype`, getIssueTypes)
      .add("GET", `${api}/issuetype/{id}`, getIssueType)
      .add("GET", `${api}/issuetype/{id}/alternatives`, getAlternativeIssueTypes)
      .add("GET", `${api}/configuration/timetracking`, getSelectedTimeTracking)
      .add("PUT", `${api}/configuration/timetracking`, selectTimeTracking)
      .add("GET", `${api}/configuration/timetracking/list`, listTimeTrackingProviders)
      .add("GET", `${api}/configuration/timetracking/options`, getTimeTrackingOptions)
      .add("PUT", `${api}/configuration/timetracking/options`, setTimeTrackingOptions)
      .add("GET", `${api}/search/jql`, searchJql)
      .add("POST", `${api}/search/jql`, searchJql)
      .add("POST", `${api}/search/approximate-count`, approximateCount)
      .add("GET", `${api}/search`, () => jiraError(410, [REMOVED]))
      .add("POST", `${api}/search`, () => jiraError(410, [REMOVED]))
      .add("POST", `${api}/jql/parse`, parseJql)
      .add("POST", `${api}/jql/match`, matchIssues)
      .add("GET", `${api}/jql/autocompletedata`, getAutoComplete)
      .add("GET", `${api}/jql/autocompletedata/suggestions`, getAutoCompleteSuggestions)
      .add("GET", `${api}/issue/picker`, getIssuePicker)
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
      .add("GET", `${api}/issue/{issueIdOrKey}/worklog/{id}`, getWorklog)
      .add("PUT", `${api}/issue/{issueIdOrKey}/worklog/{id}`, updateWorklog)
      .add("DELETE", `${api}/issue/{issueIdOrKey}/worklog/{id}`, deleteWorklog)
      .add("POST", `${api}/worklog/list`, getWorklogsForIds)
      .add("GET", `${api}/worklog/updated`, getWorklogsUpdatedSince)
      .add("GET", "/rest/webhooks/1.0/webhook", listWebhooks)
      .add("POST", "/rest/webhooks/1.0/webhook", registerWebhook)
      .add("GET", "/rest/webhooks/1.0/webhook/{id}", getWebhook)
      .add("DELETE", "/rest/webhooks/1.0/webhook/{id}", deleteWebhook)
  );
}
