import { DomainError, MAX_LINKED_PROJECTS, projectsOverLimit } from "@goalpost/domain";
import type { JiraClient, JiraProject } from "@goalpost/jira";
import { callJira } from "../jira-connections/jira-failure.ts";

/** Most projects read from a site when checking what a token can see. */
export const MAX_VISIBLE_PROJECTS = 1000;

/** Every project the token can see (up to {@link MAX_VISIBLE_PROJECTS}), Jira failures mapped for the API. */
export async function listVisibleProjects(jira: JiraClient): Promise<JiraProject[]> {
  return callJira(() => jira.listProjects(undefined, { limit: MAX_VISIBLE_PROJECTS }));
}

/**
 * The projects named by `keys` among `visible`, refusing keys the token cannot see (400 naming them) and a
 * total past the limit of linked projects (409 with the counts).
 */
export function pickProjectsToLink(
  visible: readonly JiraProject[],
  linkedKeys: readonly string[],
  keys: readonly string[],
): JiraProject[] {
  const wanted = [...new Set(keys.map((k) => k.toUpperCase()))];
  const byKey = new Map(visible.map((p) => [p.key.toUpperCase(), p]));
  const unknown = wanted.filter((k) => !byKey.has(k));
  if (unknown.length > 0) {
    throw new DomainError(
      "validation_failed",
      `Jira does not show ${unknown.join(", ")} to the integration's account: only projects the API token can see can be linked.`,
      { fields: { keys: `not visible to the token: ${unknown.join(", ")}` } },
    );
  }
  const over = projectsOverLimit(linkedKeys, wanted);
  if (over > 0) {
    const adding = wanted.filter((k) => !linkedKeys.includes(k)).length;
    throw new DomainError(
      "conflict",
      `A portfolio can link at most ${MAX_LINKED_PROJECTS} Jira projects: ${linkedKeys.length} are linked and ${adding} more would make ${linkedKeys.length + adding}.`,
      { limit: MAX_LINKED_PROJECTS, linked: linkedKeys.length, adding },
    );
  }
  return wanted.flatMap((k) => {
    const project = byKey.get(k);
    return project && !linkedKeys.includes(k) ? [project] : [];
  });
}
