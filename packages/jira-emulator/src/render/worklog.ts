/** Rendering worklogs in `GET /issue/{key}/worklog` and `fields.worklog` shape. */
import { userValue } from "../store/field-values.ts";
import { formatJiraDuration } from "../store/jira-format.ts";
import type { SiteStore } from "../store/site-store.ts";
import type { SiteWorklog } from "../store/types.ts";
import { decorateUser, type Links } from "./decorate.ts";

/** One worklog as Jira renders it. */
export function renderWorklog(worklog: SiteWorklog, store: SiteStore, links: Links): Record<string, unknown> {
  const author = store.users.get(worklog.authorAccountId);
  const authorValue = author === undefined ? null : decorateUser(userValue(author), links);
  const updater = store.users.get(worklog.updateAuthorAccountId ?? worklog.authorAccountId);
  return {
    self: `${links.api}/issue/${worklog.issueId}/worklog/${worklog.id}`,
    author: authorValue,
    updateAuthor: updater === undefined ? null : decorateUser(userValue(updater), links),
    ...(worklog.comment === undefined ? {} : { comment: worklog.comment }),
    created: worklog.created,
    updated: worklog.updated,
    started: worklog.started,
    timeSpent: formatJiraDuration(worklog.timeSpentSeconds),
    timeSpentSeconds: worklog.timeSpentSeconds,
    id: worklog.id,
    issueId: worklog.issueId,
  };
}

/** A worklog page (`startAt`, `maxResults`, `total`, `worklogs`). */
export function renderWorklogPage(
  worklogs: readonly SiteWorklog[],
  store: SiteStore,
  links: Links,
  startAt: number,
  maxResults: number,
): Record<string, unknown> {
  return {
    startAt,
    maxResults,
    total: worklogs.length,
    worklogs: worklogs.slice(startAt, startAt + maxResults).map((w) => renderWorklog(w, store, links)),
  };
}
