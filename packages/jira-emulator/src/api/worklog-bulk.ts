/** `POST /rest/api/3/worklog/list` and `GET /rest/api/3/worklog/updated`, across issues. */
import { type ApiContext, jsonBody, queryInt } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { renderWorklog } from "../render/worklog.ts";
import { parseJiraDateTime } from "../store/jira-format.ts";
import type { SiteWorklog } from "../store/types.ts";

/** Jira's cap on ids per `worklog/list` call and on entries per `worklog/updated` page. */
const MAX_IDS = 1000;
/** `worklog/updated` leaves out worklogs changed in the last minute, as Jira does. */
const SETTLE_MS = 60_000;

function visibleWorklogs(ctx: ApiContext): SiteWorklog[] {
  const all: SiteWorklog[] = [];
  for (const [issueId, worklogs] of ctx.store.worklogsByIssue) {
    const issue = ctx.store.issues.get(issueId);
    if (issue !== undefined && ctx.store.canBrowse(ctx.user, issue.projectId)) all.push(...worklogs);
  }
  return all;
}

/** `POST worklog/list` `{ids}`: the visible worklogs among the ids (unknown ones are skipped); 400 over 1000. */
export async function getWorklogsForIds(ctx: ApiContext): Promise<Response> {
  const body = await jsonBody(ctx);
  if (!Array.isArray(body.ids)) throw new JiraHttpError(400, [], { ids: "ids must not be null" });
  if (body.ids.length > MAX_IDS)
    throw new JiraHttpError(400, [`The number of worklog IDs must be less than or equal to ${MAX_IDS}.`]);
  const wanted = new Set(body.ids.map(String));
  const found = visibleWorklogs(ctx).filter((w) => wanted.has(w.id));
  return json(
    200,
    found.map((w) => renderWorklog(w, ctx.store, ctx.links)),
  );
}

const updatedMs = (worklog: SiteWorklog): number => parseJiraDateTime(worklog.updated)?.getTime() ?? 0;

/**
 * `GET worklog/updated?since=<ms>`: ids and update times of worklogs changed at or after `since`, oldest first,
 * 1000 per page; `until` is the last one's time and `nextPage` continues from it.
 */
export function getWorklogsUpdatedSince(ctx: ApiContext): Response {
  const since = Math.max(0, queryInt(ctx, "since", 0));
  const settled = ctx.store.now().getTime() - SETTLE_MS;
  const changed = visibleWorklogs(ctx)
    .map((worklog) => ({ worklog, at: updatedMs(worklog) }))
    .filter(({ at }) => at >= since && at < settled)
    .sort((a, b) => a.at - b.at || Number(a.worklog.id) - Number(b.worklog.id));
  const page = changed.slice(0, MAX_IDS);
  const lastPage = page.length === changed.length;
  const until = page.at(-1)?.at ?? since;
  const base = `${ctx.links.api}/worklog/updated`;
  return json(200, {
    values: page.map(({ worklog, at }) => ({
      worklogId: Number(worklog.id),
      updatedTime: at,
      properties: [],
    })),
    since,
    until,
    self: `${base}?since=${since}`,
    ...(lastPage ? {} : { nextPage: `${base}?since=${until}` }),
    lastPage,
  });
}
