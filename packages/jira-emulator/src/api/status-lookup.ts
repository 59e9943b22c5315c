/** `GET status/{idOrName}`, `GET statuses/search` (paged) and `GET statuscategory/{idOrKey}`. */
import { type ApiContext, query, queryInt } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { decorateStatusCategory } from "../render/decorate.ts";
import { STATUS_CATEGORIES } from "../store/field-values.ts";
import type { SiteStatus, StatusCategoryKey } from "../store/types.ts";
import { statusDetails, visibleStatuses } from "./metadata.ts";

/** `statuses/search` names categories TODO / IN_PROGRESS / DONE (a status with no category reads as TODO). */
const SEARCH_CATEGORY: Record<StatusCategoryKey, string> = {
  undefined: "TODO",
  new: "TODO",
  indeterminate: "IN_PROGRESS",
  done: "DONE",
};

/** `GET /rest/api/3/status/{idOrName}`: by id, else by name case-insensitively; 404 when unknown or invisible. */
export function getStatus(ctx: ApiContext): Response {
  const idOrName = ctx.params.idOrName ?? "";
  const statuses = visibleStatuses(ctx);
  const found =
    statuses.find((s) => s.id === idOrName) ??
    statuses.find((s) => s.name.toLowerCase() === idOrName.toLowerCase());
  if (found === undefined) throw new JiraHttpError(404, [`The status with id '${idOrName}' does not exist`]);
  return json(200, statusDetails(found, ctx.links));
}

function searchValue(status: SiteStatus): Record<string, unknown> {
  return {
    id: status.id,
    name: status.name,
    statusCategory: SEARCH_CATEGORY[status.categoryKey],
    scope:
      status.projectId === undefined
        ? { type: "GLOBAL" }
        : { type: "PROJECT", project: { id: status.projectId } },
    description: status.description,
  };
}

/**
 * `GET /rest/api/3/statuses/search`: `projectId` (that team-managed project's statuses), `searchString` (part of
 * the name), `statusCategory` (TODO, IN_PROGRESS, DONE), `startAt`, `maxResults` (default 200).
 */
export function searchStatuses(ctx: ApiContext): Response {
  const startAt = Math.max(0, queryInt(ctx, "startAt", 0));
  const maxResults = Math.max(0, queryInt(ctx, "maxResults", 200));
  const projectId = query(ctx, "projectId");
  const text = query(ctx, "searchString")?.toLowerCase();
  const category = query(ctx, "statusCategory");
  if (category !== undefined && !["TODO", "IN_PROGRESS", "DONE"].includes(category))
    throw new JiraHttpError(400, [`Invalid status category: ${category}`]);
  const matching = visibleStatuses(ctx)
    .filter((s) => projectId === undefined || s.projectId === projectId)
    .filter((s) => text === undefined || s.name.toLowerCase().includes(text))
    .filter((s) => category === undefined || SEARCH_CATEGORY[s.categoryKey] === category)
    .sort((a, b) => a.name.localeCompare(b.name));
  const page = matching.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= matching.length;
  const base = `${ctx.links.api}/statuses/search`;
  // A recorded Jira Cloud page has no `self`: {startAt, total, isLast, maxResults, values}.
  return json(200, {
    ...(isLast ? {} : { nextPage: `${base}?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: matching.length,
    isLast,
    values: page.map(searchValue),
  });
}

/** `GET /rest/api/3/statuscategory/{idOrKey}`: by numeric id or by key (`new`, `indeterminate`, `done`…). */
export function getStatusCategory(ctx: ApiContext): Response {
  const idOrKey = ctx.params.idOrKey ?? "";
  const found = STATUS_CATEGORIES.find((c) => String(c.id) === idOrKey || c.key === idOrKey);
  if (found === undefined)
    throw new JiraHttpError(404, [`The status category with id '${idOrKey}' does not exist`]);
  return json(200, decorateStatusCategory(found, ctx.links));
}
