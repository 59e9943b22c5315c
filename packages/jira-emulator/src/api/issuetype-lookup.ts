/** `GET issuetype/{id}` and `GET issuetype/{id}/alternatives`. */
import type { ApiContext } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import type { SiteIssueType } from "../store/types.ts";
import { issueTypeDetails, visibleIssueTypes } from "./metadata.ts";

function visibleIssueType(ctx: ApiContext): SiteIssueType {
  const id = ctx.params.id ?? "";
  if (!/^\d+$/.test(id)) throw new JiraHttpError(400, [`The issue type ID '${id}' is invalid.`]);
  const found = visibleIssueTypes(ctx).find((t) => t.id === id);
  if (found === undefined) throw new JiraHttpError(404, [`The issue type with id '${id}' does not exist`]);
  return found;
}

/** `GET /rest/api/3/issuetype/{id}`: 400 for a non-numeric id, 404 when unknown or not visible. */
export function getIssueType(ctx: ApiContext): Response {
  return json(200, issueTypeDetails(visibleIssueType(ctx), ctx.links));
}

/**
 * `GET /rest/api/3/issuetype/{id}/alternatives`: the types an issue of this type could be switched to — same
 * scope (global, or the same team-managed project) and the same kind (sub-task or not), itself excluded.
 */
export function getAlternativeIssueTypes(ctx: ApiContext): Response {
  const type = visibleIssueType(ctx);
  const alternatives = visibleIssueTypes(ctx).filter(
    (t) => t.id !== type.id && t.projectId === type.projectId && t.subtask === type.subtask,
  );
  return json(
    200,
    alternatives.map((t) => issueTypeDetails(t, ctx.links)),
  );
}
