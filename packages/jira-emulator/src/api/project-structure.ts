/** A project's workflow and issue-type structure: `GET project/{key}/statuses`, `GET project/{id}/hierarchy`. */
import type { ApiContext } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import type { SiteIssueType, SiteProject, SiteStatus } from "../store/types.ts";
import { statusDetails } from "./metadata.ts";
import { browsableProject } from "./projects.ts";

const typesOf = (ctx: ApiContext, project: SiteProject): SiteIssueType[] =>
  project.issueTypeIds.flatMap((id) => ctx.store.issueTypes.get(id) ?? []);

/** `GET /rest/api/3/project/{projectIdOrKey}/statuses`: each issue type with its workflow's statuses. */
export function getProjectStatuses(ctx: ApiContext): Response {
  const project = browsableProject(ctx);
  const statuses = project.statusIds.flatMap((id) => ctx.store.statuses.get(id) ?? []) as SiteStatus[];
  return json(
    200,
    typesOf(ctx, project).map((type) => ({
      self: `${ctx.links.api}/issueType/${type.id}`,
      id: type.id,
      name: type.name,
      subtask: type.subtask,
      statuses: statuses.map((status) => statusDetails(status, ctx.links)),
    })),
  );
}

const LEVEL_NAMES: Record<number, string> = { [-1]: "Subtask", 0: "Base", 1: "Epic" };

/** `GET /rest/api/3/project/{projectId}/hierarchy`: issue types by level (epic 1, base 0, sub-task -1). */
export function getProjectHierarchy(ctx: ApiContext): Response {
  const id = ctx.params.projectId ?? "";
  if (!/^\d+$/.test(id)) throw new JiraHttpError(400, [`The project ID '${id}' is invalid.`]);
  const project = browsableProject(ctx);
  const levels = new Map<number, SiteIssueType[]>();
  for (const type of typesOf(ctx, project)) {
    const level = levels.get(type.hierarchyLevel) ?? [];
    level.push(type);
    levels.set(type.hierarchyLevel, level);
  }
  const order = [...levels.keys()].sort((a, b) => (a === -1 ? 1 : b === -1 ? -1 : a - b));
  return json(200, {
    projectId: Number(project.id),
    hierarchy: order.map((level) => ({
      level,
      name: LEVEL_NAMES[level] ?? `Level ${level}`,
      issueTypes: (levels.get(level) ?? []).map((t) => ({
        id: Number(t.id),
        name: t.name,
        avatarId: t.avatarId,
      })),
    })),
  });
}
