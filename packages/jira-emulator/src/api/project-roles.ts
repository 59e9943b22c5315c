/** `GET project/{key}/role` (role name → URL) and `GET project/{key}/role/{id}` (the role with its actors). */

import { SITE_ADMINS_GROUP } from "../datasets/site-template.ts";
import type { ApiContext } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { userAvatarUrls } from "../store/field-values.ts";
import type { SiteProject, SiteUser } from "../store/types.ts";
import { browsableProject } from "./projects.ts";

type Actor = { kind: "user"; user: SiteUser } | { kind: "group"; name: string };

interface RoleDef {
  id: number;
  name: string;
  description: string;
  actors(ctx: ApiContext, project: SiteProject): Actor[];
}

/** Jira Cloud's default project roles; actors follow who may use the project. */
const ROLES: readonly RoleDef[] = [
  {
    id: 10002,
    name: "Administrators",
    description: "A project role that represents administrators in a project",
    actors: (ctx, project) => {
      const lead = ctx.store.users.get(project.leadAccountId);
      return [
        { kind: "group", name: SITE_ADMINS_GROUP },
        ...(lead === undefined ? [] : [{ kind: "user" as const, user: lead }]),
      ];
    },
  },
  {
    id: 10003,
    name: "atlassian-addons-project-access",
    description:
      "A project role that represents Connect add-ons declaring a scope that requires more than read issue permissions",
    actors: () => [],
  },
  {
    id: 10100,
    name: "Member",
    description: "Members are part of the team, and can add, edit, and collaborate on all work.",
    actors: (ctx, project) =>
      [...ctx.store.users.values()]
        .filter((u) => !u.siteAdmin && u.projectIds.has(project.id) && u.accountId !== project.leadAccountId)
        .map((user) => ({ kind: "user" as const, user })),
  },
  {
    id: 10101,
    name: "Viewer",
    description: "Viewers can search through, view, and comment on your team's work, but not much else.",
    actors: () => [],
  },
];

/** `GET /rest/api/3/project/{projectIdOrKey}/role`: `{roleName: roleUrl}`. */
export function getProjectRoles(ctx: ApiContext): Response {
  const project = browsableProject(ctx);
  return json(
    200,
    Object.fromEntries(
      ROLES.map((role) => [role.name, `${ctx.links.api}/project/${project.id}/role/${role.id}`]),
    ),
  );
}

function renderActor(actor: Actor, id: number): Record<string, unknown> {
  if (actor.kind === "group")
    return {
      id,
      displayName: actor.name,
      type: "atlassian-group-role-actor",
      actorGroup: { name: actor.name, displayName: actor.name, groupId: actor.name },
    };
  return {
    id,
    displayName: actor.user.displayName,
    type: "atlassian-user-role-actor",
    avatarUrl: userAvatarUrls(actor.user)["48x48"],
    actorUser: { accountId: actor.user.accountId },
  };
}

/** `GET /rest/api/3/project/{projectIdOrKey}/role/{id}`: 404 for an unknown role, as for an unknown project. */
export function getProjectRole(ctx: ApiContext): Response {
  const project = browsableProject(ctx);
  const id = ctx.params.id ?? "";
  const role = ROLES.find((r) => String(r.id) === id);
  if (role === undefined)
    throw new JiraHttpError(404, [`Can not retrieve a role actor for a null project role.`]);
  const excludeInactive = ctx.url.searchParams.get("excludeInactiveUsers") === "true";
  const actors = role
    .actors(ctx, project)
    .filter((actor) => !(excludeInactive && actor.kind === "user" && !actor.user.active));
  return json(200, {
    self: `${ctx.links.api}/project/${project.id}/role/${role.id}`,
    name: role.name,
    id: role.id,
    description: role.description,
    actors: actors.map((actor, index) => renderActor(actor, role.id * 100 + index)),
  });
}
