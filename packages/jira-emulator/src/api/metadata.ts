/** Site metadata: `GET /field`, `/statuscategory`, `/status`, `/issuetype`. */
import type { ApiContext } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { decorateIssueType, decorateStatus, decorateStatusCategory } from "../render/decorate.ts";
import { issueTypeValue, STATUS_CATEGORIES, statusValue } from "../store/field-values.ts";

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

/** `GET /rest/api/3/status`: statuses of workflows the caller can see (project-scoped ones carry `scope`). */
export function getStatuses(ctx: ApiContext): Response {
  const visible = new Set(ctx.store.visibleProjects(ctx.user).map((p) => p.id));
  const statuses = [...ctx.store.statuses.values()].filter(
    (s) => s.projectId === undefined || visible.has(s.projectId),
  );
  return json(
    200,
    statuses.map((status) => ({
      ...(decorateStatus(statusValue(status), ctx.links) as Record<string, unknown>),
      untranslatedName: status.name,
      ...(status.projectId === undefined
        ? {}
        : { scope: { type: "PROJECT", project: { id: status.projectId } } }),
    })),
  );
}

/** `GET /rest/api/3/issuetype`: global types plus the caller's team-managed project types. */
export function getIssueTypes(ctx: ApiContext): Response {
  const visible = new Set(ctx.store.visibleProjects(ctx.user).map((p) => p.id));
  const types = [...ctx.store.issueTypes.values()].filter(
    (t) => t.projectId === undefined || visible.has(t.projectId),
  );
  return json(
    200,
    types.map((type) => ({
      ...(decorateIssueType(issueTypeValue(type), ctx.links) as Record<string, unknown>),
      untranslatedName: type.name,
      ...(type.projectId === undefined
        ? {}
        : { scope: { type: "PROJECT", project: { id: type.projectId } } }),
    })),
  );
}
