/** `GET|POST /rest/api/3/issue/{issueIdOrKey}/transitions`. */
import { type ApiContext, jsonBody, requireUser } from "../http/context.ts";
import { JiraHttpError, json, noContent } from "../http/respond.ts";
import { availableTransitions, renderTransitions } from "../render/transitions.ts";
import { statusValue } from "../store/field-values.ts";
import { updateIssue } from "../store/issue-writer.ts";
import { emitIssueEvent } from "./issue-events.ts";
import { translateFields } from "./issue-input.ts";
import { visibleIssue } from "./issue-lookup.ts";

type Obj = Record<string, unknown>;

/** Lists the transitions available from the current status. */
export function getTransitions(ctx: ApiContext): Response {
  const issue = visibleIssue(ctx);
  return json(200, { expand: "transitions", transitions: renderTransitions(ctx.store, issue, ctx.links) });
}

/** Performs a transition (plus optional field changes) in one changelog history. */
export async function doTransition(ctx: ApiContext): Promise<Response> {
  const user = requireUser(ctx);
  const issue = visibleIssue(ctx);
  const body = await jsonBody(ctx);
  const transitionId = String((body.transition as Obj | undefined)?.id ?? "");
  const transition = availableTransitions(ctx.store, issue).find((t) => t.id === transitionId);
  const target = transition === undefined ? undefined : ctx.store.statuses.get(transition.toStatusId);
  if (target === undefined)
    throw new JiraHttpError(400, [`Transition id '${transitionId}' is not valid for this issue.`]);
  const project = ctx.store.projects.get(issue.projectId);
  const extra =
    project === undefined
      ? { changes: {}, errors: {} }
      : translateFields(ctx, project, (body.fields ?? {}) as Obj, issue);
  if (Object.keys(extra.errors).length > 0) throw new JiraHttpError(400, [], extra.errors);
  const history = updateIssue(
    ctx.store,
    issue,
    { ...extra.changes, status: statusValue(target) },
    user,
    ctx.store.now(),
  );
  if (history !== undefined) emitIssueEvent(ctx.state, ctx.links, "jira:issue_updated", issue, user, history);
  return noContent();
}
