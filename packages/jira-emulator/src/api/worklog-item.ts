/** `GET|PUT|DELETE /rest/api/3/issue/{issueIdOrKey}/worklog/{id}`. */
import { type ApiContext, jsonBody, query, requireUser } from "../http/context.ts";
import { JiraHttpError, json, noContent } from "../http/respond.ts";
import { renderWorklog } from "../render/worklog.ts";
import { parseJiraDateTime, parseJiraDuration } from "../store/jira-format.ts";
import type { SiteWorklog, StoredIssue } from "../store/types.ts";
import { type AdjustOnDelete, changeWorklog, removeWorklog } from "../store/worklog-writer.ts";
import { emitIssueEvent } from "./issue-events.ts";
import { visibleIssue } from "./issue-lookup.ts";

function worklogOf(ctx: ApiContext): { issue: StoredIssue; worklog: SiteWorklog } {
  const issue = visibleIssue(ctx);
  const id = ctx.params.id ?? "";
  const worklog = ctx.store.worklogsByIssue.get(issue.id)?.find((w) => w.id === id);
  if (worklog === undefined) throw new JiraHttpError(404, [`Cannot find worklog with id: '${id}'.`]);
  return { issue, worklog };
}

function estimate(ctx: ApiContext, name: string, field: string, message: string): number {
  const seconds = parseJiraDuration(query(ctx, name) ?? "");
  if (seconds === undefined) throw new JiraHttpError(400, [], { [field]: message });
  return seconds;
}

/** `GET`: one worklog of a visible issue; 404 when the issue or the worklog is missing. */
export function getWorklog(ctx: ApiContext): Response {
  const { worklog } = worklogOf(ctx);
  return json(200, renderWorklog(worklog, ctx.store, ctx.links));
}

/** `PUT`: changes `timeSpent`/`timeSpentSeconds`, `started`, `comment`; `adjustEstimate` auto, leave or new. */
export async function updateWorklog(ctx: ApiContext): Promise<Response> {
  const user = requireUser(ctx);
  const { issue, worklog } = worklogOf(ctx);
  const body = await jsonBody(ctx);
  const mode = query(ctx, "adjustEstimate") ?? "auto";
  if (!["auto", "leave", "new"].includes(mode))
    throw new JiraHttpError(400, [], { adjustEstimate: `Invalid value for adjustEstimate: '${mode}'.` });
  const adjust =
    mode === "new"
      ? {
          mode: "new" as const,
          seconds: estimate(ctx, "newEstimate", "newEstimate", "You must supply a valid new estimate."),
        }
      : { mode: mode as "auto" | "leave" };
  const seconds =
    typeof body.timeSpentSeconds === "number"
      ? body.timeSpentSeconds
      : typeof body.timeSpent === "string"
        ? parseJiraDuration(body.timeSpent)
        : worklog.timeSpentSeconds;
  if (seconds === undefined || seconds <= 0)
    throw new JiraHttpError(400, [], { timeLogged: "You must indicate the time spent working." });
  const started = typeof body.started === "string" ? parseJiraDateTime(body.started) : undefined;
  if (typeof body.started === "string" && started === undefined)
    throw new JiraHttpError(400, [], { started: "Invalid start date." });
  const history = changeWorklog(ctx.store, issue, worklog, {
    author: user,
    at: ctx.store.now(),
    timeSpentSeconds: seconds,
    ...(started === undefined ? {} : { started }),
    ...(body.comment === undefined ? {} : { comment: body.comment }),
    adjust,
  });
  if (history !== undefined) emitIssueEvent(ctx.state, ctx.links, "jira:issue_updated", issue, user, history);
  return json(200, renderWorklog(worklog, ctx.store, ctx.links));
}

function deleteAdjust(ctx: ApiContext): AdjustOnDelete {
  const mode = query(ctx, "adjustEstimate") ?? "auto";
  if (mode === "auto" || mode === "leave") return { mode };
  if (mode === "new")
    return {
      mode,
      seconds: estimate(ctx, "newEstimate", "newEstimate", "You must supply a valid new estimate."),
    };
  if (mode === "manual")
    return {
      mode,
      increaseBySeconds: estimate(
        ctx,
        "increaseBy",
        "increaseBy",
        "You must supply a valid amount to increase the estimate by.",
      ),
    };
  throw new JiraHttpError(400, [], { adjustEstimate: `Invalid value for adjustEstimate: '${mode}'.` });
}

/** `DELETE`: 204; time spent goes down, the remaining estimate per `adjustEstimate` (auto: back up). */
export function deleteWorklog(ctx: ApiContext): Response {
  const user = requireUser(ctx);
  const { issue, worklog } = worklogOf(ctx);
  const history = removeWorklog(ctx.store, issue, worklog, {
    author: user,
    at: ctx.store.now(),
    adjust: deleteAdjust(ctx),
  });
  if (history !== undefined) emitIssueEvent(ctx.state, ctx.links, "jira:issue_updated", issue, user, history);
  return noContent();
}
