import type {
  FieldDetails,
  JqlComponent,
  JqlIssueType,
  JqlNamedValue,
  JqlProject,
  JqlSite,
  JqlSprint,
  JqlStatus,
  JqlUser,
  JqlVersion,
} from "./types.ts";

/** Jira's status categories (ids are numbers, names as on an English site). */
export const DEFAULT_STATUS_CATEGORIES = [
  { id: 1, key: "undefined", name: "No Category" },
  { id: 2, key: "new", name: "To Do" },
  { id: 4, key: "indeterminate", name: "In Progress" },
  { id: 3, key: "done", name: "Done" },
];

/** Case-insensitive lookups over the site's reference data, built once per compiled query. */
export interface SiteIndex {
  site: JqlSite;
  timeZone: string;
  projectsByKeyOrName: Map<string, JqlProject[]>;
  projectsById: Map<string, JqlProject>;
  statusesByName: Map<string, JqlStatus[]>;
  statusOrder: Map<string, number>;
  categories: { id: number; key: string; name: string }[];
  issueTypesByName: Map<string, JqlIssueType[]>;
  issueTypeOrder: Map<string, number>;
  prioritiesByName: Map<string, JqlNamedValue[]>;
  priorityRank: Map<string, number>;
  resolutionsByName: Map<string, JqlNamedValue[]>;
  resolutionOrder: Map<string, number>;
  usersById: Map<string, JqlUser>;
  usersByLogin: Map<string, JqlUser[]>;
  groups: Map<string, readonly string[]>;
  sprintsByName: Map<string, JqlSprint[]>;
  sprintsById: Map<string, JqlSprint>;
  versionsByName: Map<string, JqlVersion[]>;
  versionsById: Map<string, JqlVersion>;
  versionOrder: Map<string, number>;
  componentsByName: Map<string, JqlComponent[]>;
  componentsById: Map<string, JqlComponent>;
  fieldsByClause: Map<string, FieldDetails[]>;
  fieldsById: Map<string, FieldDetails>;
}

function group<T>(items: readonly T[], keys: (item: T) => (string | undefined | null)[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item).filter((k): k is string => typeof k === "string" && k !== ""))) {
      const k = key.toLowerCase();
      const list = map.get(k);
      if (list) list.push(item);
      else map.set(k, [item]);
    }
  }
  return map;
}

function order<T extends { id: string | number }>(items: readonly T[]): Map<string, number> {
  return new Map(items.map((item, i) => [String(item.id), i]));
}

/** Builds the {@link SiteIndex} of a site. */
export function indexSite(site: JqlSite): SiteIndex {
  const categories = [...DEFAULT_STATUS_CATEGORIES];
  for (const status of site.statuses) {
    const c = status.statusCategory;
    if (!categories.some((known) => known.id === c.id))
      categories.push({ id: c.id, key: c.key, name: c.name });
  }
  const fieldsByClause = group(site.fields, (f) => [
    ...f.clauseNames,
    f.name,
    f.id,
    f.schema?.customId !== undefined ? `cf[${f.schema.customId}]` : undefined,
  ]);
  return {
    site,
    timeZone: site.timeZone ?? "UTC",
    projectsByKeyOrName: group(site.projects, (p) => [p.key, p.name, p.id]),
    projectsById: new Map(site.projects.map((p) => [p.id, p])),
    statusesByName: group(site.statuses, (s) => [s.name, s.id]),
    statusOrder: order(site.statuses),
    categories,
    issueTypesByName: group(site.issueTypes, (t) => [t.name, t.id]),
    issueTypeOrder: order(site.issueTypes),
    prioritiesByName: group(site.priorities, (p) => [p.name, p.id]),
    priorityRank: new Map(site.priorities.map((p, i) => [p.id, site.priorities.length - i])),
    resolutionsByName: group(site.resolutions, (r) => [r.name, r.id]),
    resolutionOrder: order(site.resolutions),
    usersById: new Map(site.users.map((u) => [u.accountId, u])),
    usersByLogin: group(site.users, (u) => [u.accountId, u.emailAddress, u.displayName]),
    groups: new Map(Object.entries(site.groups).map(([name, members]) => [name.toLowerCase(), members])),
    sprintsByName: group(site.sprints, (s) => [s.name, String(s.id)]),
    sprintsById: new Map(site.sprints.map((s) => [String(s.id), s])),
    versionsByName: group(site.versions, (v) => [v.name, v.id]),
    versionsById: new Map(site.versions.map((v) => [v.id, v])),
    versionOrder: order(site.versions),
    componentsByName: group(site.components ?? [], (c) => [c.name, c.id]),
    componentsById: new Map((site.components ?? []).map((c) => [c.id, c])),
    fieldsByClause,
    fieldsById: new Map(site.fields.map((f) => [f.id, f])),
  };
}
