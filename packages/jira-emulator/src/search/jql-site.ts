/** Builds the JQL engine's view of the site ({@link JqlSite}) for one caller. */
import type { JqlSite } from "../jql/types.ts";
import { statusCategoryValue } from "../store/field-values.ts";
import type { SiteStore } from "../store/site-store.ts";
import type { SiteUser } from "../store/types.ts";

/** The site as the caller sees it: only projects they may browse. */
export function jqlSiteFor(store: SiteStore, user: SiteUser | null): JqlSite {
  const projects = store.visibleProjects(user);
  const visible = new Set(projects.map((p) => p.id));
  return {
    now: () => store.now(),
    timeZone: user?.timeZone ?? "UTC",
    currentAccountId: user?.accountId ?? null,
    fields: store.fields,
    users: [...store.users.values()].map((u) => ({
      accountId: u.accountId,
      displayName: u.displayName,
      emailAddress: u.emailAddress,
      active: u.active,
    })),
    groups: Object.fromEntries([...store.groups.entries()].map(([name, members]) => [name, [...members]])),
    sprints: [...store.sprints.values()].map((s) => ({
      id: s.id,
      name: s.name,
      state: s.state,
      boardId: s.boardId,
    })),
    statuses: [...store.statuses.values()]
      .filter((s) => s.projectId === undefined || visible.has(s.projectId))
      .map((s) => ({ id: s.id, name: s.name, statusCategory: statusCategoryValue(s.categoryKey) })),
    priorities: store.priorities,
    resolutions: store.resolutions,
    issueTypes: [...store.issueTypes.values()]
      .filter((t) => t.projectId === undefined || visible.has(t.projectId))
      .map((t) => ({ id: t.id, name: t.name, subtask: t.subtask, hierarchyLevel: t.hierarchyLevel })),
    projects: projects.map((p) => ({ id: p.id, key: p.key, name: p.name })),
    versions: [...store.versions.values()].filter((v) => visible.has(v.projectId)),
    components: [...store.components.values()].filter((c) => visible.has(c.projectId)),
  };
}
