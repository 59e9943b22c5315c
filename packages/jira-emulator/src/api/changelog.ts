/** `GET /rest/api/3/issue/{issueIdOrKey}/changelog`: paged histories, oldest first. */
import { type ApiContext, queryInt } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { renderHistory } from "../render/changelog.ts";
import { visibleIssue } from "./issue-lookup.ts";

/** Answers with one page of the issue's changelog. */
export function getChangelog(ctx: ApiContext): Response {
  const issue = visibleIssue(ctx);
  const startAt = Math.max(0, queryInt(ctx, "startAt", 0));
  const maxResults = Math.min(100, Math.max(0, queryInt(ctx, "maxResults", 100)));
  const values = issue.changelog.slice(startAt, startAt + maxResults).map((h) => renderHistory(h, ctx.links));
  return json(200, {
    self: `${ctx.links.api}/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt}`,
    ...(startAt + values.length < issue.changelog.length
      ? {
          nextPage: `${ctx.links.api}/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt + maxResults}`,
        }
      : {}),
    maxResults,
    startAt,
    total: issue.changelog.length,
    isLast: startAt + values.length >= issue.changelog.length,
    values,
  });
}
