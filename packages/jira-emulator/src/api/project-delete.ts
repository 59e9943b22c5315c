/** `DELETE /rest/api/3/project/{projectIdOrKey}`: a site admin deletes a project with its issues. */
import { type ApiContext, requireUser } from "../http/context.ts";
import { JiraHttpError, noContent } from "../http/respond.ts";
import { browsableProject } from "./projects.ts";

/**
 * 204 and the project is gone (its issues with it; later reads answer 404). Jira keeps a deleted project in the
 * trash for 60 days when `enableUndo` is true; the emulator has no trash, so it is gone either way. Someone
 * who is not a site admin gets the 404 Jira gives a caller without permission to delete.
 */
export function deleteProject(ctx: ApiContext): Response {
  const user = requireUser(ctx);
  const project = browsableProject(ctx);
  if (!user.siteAdmin)
    throw new JiraHttpError(404, [`You do not have permission to delete project '${project.key}'.`]);
  ctx.store.deleteProject(project.id);
  return noContent();
}
