/** `PUT /rest/api/3/issue/{issueIdOrKey}` and `DELETE` of the same path. */
import { type ApiContext, jsonBody, query, requireUser } from "../http/context.ts";
import { JiraHttpError, json, noContent } from "../http/respond.ts";
import { parseFieldSelection } from "../render/field-selection.ts";
import { parseExpand, renderIssue } from "../render/issue-bean.ts";
import { updateIssue } from "../store/issue-writer.ts";
import { isSubtask } from "../store/site-store.ts";
import { emitIssueEvent } from "./issue-events.ts";
import { mergeUpdateOps, translateFields } from "./issue-input.ts";
import { visibleIssue } from "./issue-lookup.ts";

type Obj = Record<string, unknown>;

/** Edits fields (incl. custom fields and parent); records one changelog history. */
export async function editIssue(ctx: ApiContext): Promise<Response> {
  const user = requireUser(ctx);
  const issue = visibleIssue(ctx);
  const body = await jsonBody(ctx);
  const project = ctx.store.projects.get(issue.projectId);
  if (project === undefined) throw new JiraHttpError(404, ["Project not found."]);
  const raw = mergeUpdateOps((body.fields ?? {}) as Obj, body.update, issue);
  const { changes, errors } = translateFields(ctx, project, raw, issue);
  if ("status" in raw)
    errors.status = "Field 'status' cannot be set. It is not on the appropriate screen, or unknown.";
  if (Object.keys(errors).length > 0) throw new JiraHttpError(400, [], errors);
  delete changes.timetracking;
  const history = updateIssue(ctx.store, issue, changes, user, ctx.store.now());
  if (history !== undefined) emitIssueEvent(ctx.state, ctx.links, "jira:issue_updated", issue, user, history);
  if (query(ctx, "returnIssue") === "true") {
    const selection = parseFieldSelection(undefined, "*all", ctx.store.fields);
    return json(
      200,
      renderIssue(issue, {
        store: ctx.store,
        links: ctx.links,
        selection,
        expand: parseExpand(query(ctx, "expand")),
      }),
    );
  }
  return noContent();
}

/** Deletes an issue; with sub-tasks only when `deleteSubtasks=true`. */
export function deleteIssue(ctx: ApiContext): Response {
  const user = requireUser(ctx);
  const issue = visibleIssue(ctx);
  const subtasks = ctx.store.childrenOf(issue.id).filter(isSubtask);
  if (subtasks.length > 0 && query(ctx, "deleteSubtasks") !== "true") {
    throw new JiraHttpError(400, [
      `The issue '${issue.key}' has subtasks.  You must specify the 'deleteSubtasks' parameter to delete this issue and all its subtasks.`,
    ]);
  }
  for (const doomed of [...subtasks, issue])
    emitIssueEvent(ctx.state, ctx.links, "jira:issue_deleted", doomed, user);
  ctx.store.removeIssue(issue.id);
  return noContent();
}
