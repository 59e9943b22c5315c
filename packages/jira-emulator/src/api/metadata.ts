/** Site metadata: `GET /field`, `/statuscategory`, `/status`, `/issuetype`. */
import type { ApiContext } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { decorateIssueType, decorateStatus, decorateStatusCategory, type Links } from "../render/decorate.ts";
import { issueTypeValue, STATUS_CATEGORIES, statusValue } from "../store/field-values.ts";
import type { SiteIssueType, SiteStatus } from "../store/types.ts";

/** `GET /rest/api/3/field`: every field, system and custom. */
export function getFields(ctx: ApiContext): Response {
  return json(200, ctx.store.fields);
}

/** `GET /rest/api/3/statuscategory`. */
export function getStatusCategories(ctx: ApiContext): Response {
  return json(
    200,
    STATUS_CATEGORIES.map((c) => decorateStatusCategory(c, ctx.links)),
  );
}

/** A status as `GET /status` and `GET /status/{idOrName}` render it (`StatusDetails`). */
export function statusDetails(status: SiteStatus, links: Links): Record<string, unknown> {
  return {
    ...(decorateStatus(statusValue(status), links) as Record<string, unknown>),
    untranslatedName: status.name,
    ...(status.projectId === undefined
      ? {}
      : { scope: { type: "PROJECT", project: { id: status.projectId } } }),
  };
}

/** An issue type as `GET /issuetype` and `GET /issuetype/{id}` render it (`IssueTypeDetails`). */
export function issueTypeDetails(type: SiteIssueType, links: Links): Record<string, unknown> {
  return {
    ...(decorateIssueType(issueTypeValue(type), links) as Record<string, unknown>),
    untranslatedName: type.name,
    ...(type.projectId === undefined ? {} : { scope: { type: "PROJECT", project: { id: type.projectId } } }),
  };
}

/** Statuses the caller can see: global ones and those of team-managed projects they may browse. */
export function visibleStatuses(ctx: ApiContext): SiteStatus[] {
  const visible = new Set(ctx.store.visibleProjects(ctx.user).map((p) => p.id));
  return [...ctx.store.statuses.values()].filter(
    (s) => s.projectId === undefined || visible.has(s.projectId),
  );
}

/** Issue types the caller can see: global ones and those of team-managed projects they may browse. */
export function visibleIssueTypes(ctx: ApiContext): SiteIssueType[] {
  const visible = new Set(ctx.store.visibleProjects(ctx.user).map((p) => p.id));
  return [...ctx.store.issueTypes.values()].filter(
    (t) => t.projectId === undefined || visible.has(t.projectId),
  );
}

/** `GET /rest/api/3/status`: statuses of workflows the caller can see (project-scoped ones carry `scope`). */
export function getStatuses(ctx: ApiContext): Response {
  return json(
    200,
    visibleStatuses(ctx).map((status) => statusDetails(status, ctx.links)),
  );
}

/** `GET /rest/api/3/issuetype`: global types plus the caller's team-managed project types. */
export function getIssueTypes(ctx: ApiContext): Response {
  return json(
    200,
    visibleIssueTypes(ctx).map((type) => issueTypeDetails(type, ctx.links)),
  );
}
