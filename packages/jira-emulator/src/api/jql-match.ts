/** `POST /rest/api/3/jql/match`: which of the given issues each JQL query matches. */
import { type ApiContext, jsonBody } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { jqlSiteFor } from "../search/jql-site.ts";
import type { StoredIssue } from "../store/types.ts";

/** Jira's limits on one call. */
const MAX_JQLS = 1000;
const MAX_ISSUE_IDS = 1000;

/**
 * Body `{issueIds: number[], jqls: string[]}`. Per query, in order: the ids of the visible given issues it
 * matches, or its errors in Jira's words (an invalid query does not fail the call). Queries need no bound here.
 */
export async function matchIssues(ctx: ApiContext): Promise<Response> {
  const body = await jsonBody(ctx);
  const errors: Record<string, string> = {};
  if (!Array.isArray(body.issueIds)) errors.issueIds = "issueIds must not be null";
  if (!Array.isArray(body.jqls)) errors.jqls = "jqls must not be null";
  if (!Array.isArray(body.issueIds) || !Array.isArray(body.jqls)) throw new JiraHttpError(400, [], errors);
  if (body.jqls.length > MAX_JQLS)
    throw new JiraHttpError(400, [`The number of JQL queries must be less than or equal to ${MAX_JQLS}.`]);
  if (body.issueIds.length > MAX_ISSUE_IDS)
    throw new JiraHttpError(400, [`The number of issue IDs must be less than or equal to ${MAX_ISSUE_IDS}.`]);
  const issues: StoredIssue[] = [];
  for (const id of new Set(body.issueIds.map(String))) {
    const issue = ctx.store.issues.get(id);
    if (issue !== undefined && ctx.store.canBrowse(ctx.user, issue.projectId)) issues.push(issue);
  }
  const site = jqlSiteFor(ctx.store, ctx.user);
  const matches = body.jqls.map((jql: unknown) => {
    const compiled = ctx.state.jql.compile(String(jql), site);
    if (!compiled.ok) return { matchedIssues: [], errors: compiled.errorMessages };
    return {
      matchedIssues: issues.filter((issue) => compiled.query.matches(issue)).map((issue) => Number(issue.id)),
      errors: [],
    };
  });
  return json(200, { matches });
}
