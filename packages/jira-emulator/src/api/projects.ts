/** `GET /project/search`, `GET /project/{projectIdOrKey}`. */
import { type ApiContext, query, queryAll, queryInt } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { decorateIssueType, decorateUser, projectAvatarUrls } from "../render/decorate.ts";
import { issueTypeValue, userValue } from "../store/field-values.ts";
import type { SiteProject } from "../store/types.ts";

/** A project as `project/search` and `project/{key}` render it. */
export function renderProject(
  ctx: ApiContext,
  project: SiteProject,
  expand: ReadonlySet<string>,
  full: boolean,
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    expand: "description,lead,issueTypes,url,projectKeys,permissions,insight",
    self: `${ctx.links.api}/project/${project.id}`,
    id: project.id,
    key: project.key,
  };
  if (full || expand.has("description")) base.description = project.description;
  const lead = ctx.store.users.get(project.leadAccountId);
  if ((full || expand.has("lead")) && lead !== undefined)
    base.lead = decorateUser(userValue(lead), ctx.links);
  if (full || expand.has("issueTypes")) {
    base.issueTypes = project.issueTypeIds.flatMap((id) => {
      const type = ctx.store.issueTypes.get(id);
      return type === undefined ? [] : [decorateIssueType(issueTypeValue(type), ctx.links)];
    });
  }
  Object.assign(base, {
    name: project.name,
    avatarUrls: projectAvatarUrls(project.avatarId, ctx.links),
    projectTypeKey: "software",
    simplified: project.style === "next-gen",
    style: project.style,
    isPrivate: false,
    properties: {},
    entityId: project.uuid,
    uuid: project.uuid,
  });
  if (expand.has("insight")) {
    const issues = ctx.store.issuesByProject.get(project.id);
    let last = "";
    for (const issue of issues?.values() ?? [])
      if (String(issue.fields.updated) > last) last = String(issue.fields.updated);
    base.insight = { totalIssueCount: issues?.size ?? 0, ...(last ? { lastIssueUpdateTime: last } : {}) };
  }
  return base;
}

const expandOf = (ctx: ApiContext): Set<string> =>
  new Set(
    (query(ctx, "expand") ?? "")
      .split(",")
      .map((e) => e.trim())
      .filter((e) => e !== ""),
  );

/** `GET /rest/api/3/project/search`: paged, `query` (key or name), `keys`, `id`, `orderBy`. */
export function searchProjects(ctx: ApiContext): Response {
  const startAt = Math.max(0, queryInt(ctx, "startAt", 0));
  const maxResults = Math.min(100, Math.max(0, queryInt(ctx, "maxResults", 50)));
  const text = query(ctx, "query")?.toLowerCase();
  const keys = queryAll(ctx, "keys")
    .flatMap((k) => k.split(","))
    .map((k) => k.trim().toUpperCase())
    .filter((k) => k);
  const ids = queryAll(ctx, "id")
    .flatMap((k) => k.split(","))
    .map((k) => k.trim())
    .filter((k) => k);
  const orderBy = query(ctx, "orderBy") ?? "key";
  let projects = ctx.store.visibleProjects(ctx.user);
  if (text)
    projects = projects.filter(
      (p) => p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text),
    );
  if (keys.length > 0) projects = projects.filter((p) => keys.includes(p.key.toUpperCase()));
  if (ids.length > 0) projects = projects.filter((p) => ids.includes(p.id));
  const desc = orderBy.startsWith("-");
  const by = orderBy.replace(/^[-+]/, "");
  projects.sort(
    (a, b) => (by === "name" ? a.name.localeCompare(b.name) : a.key.localeCompare(b.key)) * (desc ? -1 : 1),
  );
  const page = projects.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= projects.length;
  const self = `${ctx.links.api}/project/search?maxResults=${maxResults}&startAt=${startAt}`;
  const expand = expandOf(ctx);
  return json(200, {
    self,
    ...(isLast
      ? {}
      : {
          nextPage: `${ctx.links.api}/project/search?maxResults=${maxResults}&startAt=${startAt + maxResults}`,
        }),
    maxResults,
    startAt,
    total: projects.length,
    isLast,
    values: page.map((p) => renderProject(ctx, p, expand, false)),
  });
}

/**
 * The project named by the `projectIdOrKey` path parameter: its id, or its key case-sensitively (Jira answers
 * 404 for `project/ae` when the key is AE); 404 in Jira's words when missing or not browsable.
 */
export function browsableProject(ctx: ApiContext): SiteProject {
  const key = ctx.params.projectIdOrKey ?? ctx.params.projectId ?? "";
  const project = ctx.store.findProjectExact(key);
  if (project === undefined || !ctx.store.canBrowse(ctx.user, project.id)) {
    throw new JiraHttpError(404, [`No project could be found with key '${key}'.`]);
  }
  return project;
}

/** `GET /rest/api/3/project/{projectIdOrKey}`: 404 when missing or not browsable. */
export function getProject(ctx: ApiContext): Response {
  return json(200, renderProject(ctx, browsableProject(ctx), expandOf(ctx), true));
}
