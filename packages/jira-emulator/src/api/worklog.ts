/** `GET|POST /rest/api/3/issue/{issueIdOrKey}/worklog`. */
import { type ApiContext, jsonBody, query, queryInt, requireUser } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { renderWorklog, renderWorklogPage } from "../render/worklog.ts";
import { parseJiraDateTime, parseJiraDuration } from "../store/jira-format.ts";
import { type AdjustEstimate, logWork } from "../store/worklog-writer.ts";
import { emitIssueEvent } from "./issue-events.ts";
import { visibleIssue } from "./issue-lookup.ts";

/** Lists the issue's worklogs. */
export function getWorklogs(ctx: ApiContext): Response {
  const issue = visibleIssue(ctx);
  const all = ctx.store.worklogsByIssue.get(issue.id) ?? [];
  return json(
    200,
    renderWorklogPage(
      all,
      ctx.store,
      ctx.links,
      Math.max(0, queryInt(ctx, "startAt", 0)),
      Math.min(5000, queryInt(ctx, "maxResults", 5000)),
    ),
  );
}

function adjustFrom(ctx: ApiContext): AdjustEstimate {
  const mode = query(ctx, "adjustEstimate") ?? "auto";
  if (mode === "leave") return { mode: "leave" };
  if (mode === "new") {
    const seconds = parseJiraDuration(query(ctx, "newEstimate") ?? "");
    if (seconds === undefined)
      throw new JiraHttpError(400, [], { newEstimate: "You must supply a valid new estimate." });
    return { mode: "new", seconds };
  }
  if (mode === "manual") {
    const seconds = parseJiraDuration(query(ctx, "reduceBy") ?? "");
    if (seconds === undefined)
      throw new JiraHttpError(400, [], {
        reduceBy: "You must supply a valid amount to reduce the estimate by.",
      });
    return { mode: "manual", reduceBySeconds: seconds };
  }
  return { mode: "auto" };
}

/** Logs work: time spent goes up, the remaining estimate down (per `adjustEstimate`), changelog recorded. */
export async function addWorklog(ctx: ApiContext): Promise<Response> {
  const user = requireUser(ctx);
  const issue = visibleIssue(ctx);
  const body = await jsonBody(ctx);
  const seconds =
    typeof body.timeSpentSeconds === "number"
      ? body.timeSpentSeconds
      : typeof body.timeSpent === "string"
        ? parseJiraDuration(body.timeSpent)
        : undefined;
  if (seconds === undefined || seconds <= 0)
    throw new JiraHttpError(400, [], { timeLogged: "You must indicate the time spent working." });
  const now = ctx.store.now();
  const started = typeof body.started === "string" ? parseJiraDateTime(body.started) : now;
  if (started === undefined) throw new JiraHttpError(400, [], { started: "Invalid start date." });
  const { worklog, history } = logWork(ctx.store, issue, {
    author: user,
    started,
    timeSpentSeconds: seconds,
    at: now,
    ...(body.comment === undefined ? {} : { comment: body.comment }),
    adjust: adjustFrom(ctx),
  });
  if (history !== undefined) emitIssueEvent(ctx.state, ctx.links, "jira:issue_updated", issue, user, history);
  return json(201, renderWorklog(worklog, ctx.store, ctx.links));
}
