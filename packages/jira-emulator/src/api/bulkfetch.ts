/**
 * `POST /rest/api/3/issue/bulkfetch`: up to 100 issues by id or key; unknown or invisible ones are dropped.
 * Real Jira adds a top-level `expand` that neither the spec nor jira.js documents; it is left out.
 */
import { type ApiContext, jsonBody } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { parseFieldSelection } from "../render/field-selection.ts";
import { parseExpand, renderIssue } from "../render/issue-bean.ts";
import type { StoredIssue } from "../store/types.ts";

/** Fetches the requested issues in request order. */
export async function bulkFetch(ctx: ApiContext): Promise<Response> {
  const body = await jsonBody(ctx);
  const ids = Array.isArray(body.issueIdsOrKeys) ? body.issueIdsOrKeys.map(String) : [];
  if (ids.length === 0) throw new JiraHttpError(400, ["issueIdsOrKeys must not be empty."]);
  if (ids.length > 100)
    throw new JiraHttpError(400, ["The number of issues requested exceeds the limit of 100."]);
  const fields = Array.isArray(body.fields) ? body.fields.map(String) : undefined;
  const expand = parseExpand(
    Array.isArray(body.expand)
      ? body.expand.map(String)
      : typeof body.expand === "string"
        ? body.expand
        : undefined,
  );
  const selection = parseFieldSelection(fields, "*navigable", ctx.store.fields);
  const seen = new Set<string>();
  const issues: StoredIssue[] = [];
  for (const idOrKey of ids) {
    const issue = ctx.store.findIssue(idOrKey);
    if (issue === undefined || seen.has(issue.id) || !ctx.store.canBrowse(ctx.user, issue.projectId))
      continue;
    seen.add(issue.id);
    issues.push(issue);
  }
  return json(200, {
    issues: issues.map((issue) =>
      renderIssue(issue, { store: ctx.store, links: ctx.links, selection, expand }),
    ),
    issueErrors: [],
  });
}
