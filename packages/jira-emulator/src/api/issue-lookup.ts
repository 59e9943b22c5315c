/** Finding an issue the caller may see (404 in Jira's words otherwise). */
import type { ApiContext } from "../http/context.ts";
import { ISSUE_NOT_FOUND, JiraHttpError } from "../http/respond.ts";
import type { StoredIssue } from "../store/types.ts";

/** The issue named by the `issueIdOrKey` path parameter, case-insensitively; 404 if missing or invisible. */
export function visibleIssue(ctx: ApiContext): StoredIssue {
  const issue = ctx.store.findIssue(ctx.params.issueIdOrKey ?? "");
  if (issue === undefined || !ctx.store.canBrowse(ctx.user, issue.projectId)) {
    throw new JiraHttpError(404, [ISSUE_NOT_FOUND]);
  }
  return issue;
}
