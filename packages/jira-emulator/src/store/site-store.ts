/**
 * The in-memory Jira site: collections plus the indexes search needs (issues by project, by upper-case
 * key, children by parent). Writes that must record history go through `issue-writer.ts`.
 */
import type {
  FieldDetails,
  NamedValue,
  SiteComponent,
  SiteIssueType,
  SiteProject,
  SiteSprint,
  SiteStatus,
  SiteUser,
  SiteVersion,
  SiteWebhook,
  SiteWorklog,
  StoredIssue,
  TimeTrackingSettings,
} from "./types.ts";

/** Counters for ids Jira hands out; ids are strings on the wire but sequential numbers underneath. */
export interface IdCounters {
  issue: number;
  project: number;
  changelog: number;
  worklog: number;
  customField: number;
  status: number;
  issueType: number;
  webhook: number;
  version: number;
  component: number;
}

/** Sites made so far in this process: each store takes the next number, so a generation never repeats. */
let storesMade = 0;

/** The whole emulated site. */
export class SiteStore {
  /** Unique per store in the process: a reset makes a new store, so caches keyed on it cannot outlive a reset. */
  readonly generation = ++storesMade;
  readonly projects = new Map<string, SiteProject>();
  readonly projectIdByKey = new Map<string, string>();
  readonly issues = new Map<string, StoredIssue>();
  readonly issueIdByKey = new Map<string, string>();
  readonly issuesByProject = new Map<string, Map<string, StoredIssue>>();
  readonly childrenByParent = new Map<string, Set<string>>();
  readonly worklogsByIssue = new Map<string, SiteWorklog[]>();
  readonly users = new Map<string, SiteUser>();
  readonly groups = new Map<string, Set<string>>();
  readonly statuses = new Map<string, SiteStatus>();
  readonly issueTypes = new Map<string, SiteIssueType>();
  readonly fields: FieldDetails[] = [];
  readonly sprints = new Map<number, SiteSprint>();
  readonly versions = new Map<string, SiteVersion>();
  readonly components = new Map<string, SiteComponent>();
  readonly priorities: NamedValue[] = [];
  readonly resolutions: NamedValue[] = [];
  readonly webhooks = new Map<number, SiteWebhook>();
  readonly ids: IdCounters = {
    issue: 10000,
    project: 10000,
    changelog: 10000,
    worklog: 10000,
    customField: 10100,
    status: 10000,
    issueType: 10000,
    webhook: 0,
    version: 10000,
    component: 10000,
  };
  /** Per user (account id): the `mypreferences` key → value pairs they set. */
  readonly preferences = new Map<string, Map<string, string>>();
  /** The site's time tracking: the selected provider (null when disabled) and the shared settings. */
  readonly timeTracking: TimeTrackingSettings = {
    provider: "JIRA",
    options: { workingHoursPerDay: 8, workingDaysPerWeek: 5, timeFormat: "pretty", defaultUnit: "minute" },
  };
  /** Bumped on every write, so cached search results know they are stale. */
  revision = 0;
  /** Milliseconds added to the real clock (time travel). */
  clockOffsetMs = 0;
  /** When set, the clock is frozen at this instant (plus the offset). */
  frozenAt: number | undefined;

  /** The site's current time. */
  now(): Date {
    return new Date((this.frozenAt ?? Date.now()) + this.clockOffsetMs);
  }

  /** Hands out the next id of a kind. */
  nextId(kind: keyof IdCounters): number {
    this.ids[kind] += 1;
    return this.ids[kind];
  }

  /** Adds or replaces a project and indexes its key. */
  addProject(project: SiteProject): void {
    this.projects.set(project.id, project);
    this.projectIdByKey.set(project.key.toUpperCase(), project.id);
    if (!this.issuesByProject.has(project.id)) this.issuesByProject.set(project.id, new Map());
  }

  /** Removes a project with all its issues (the "project deleted" fault and admin use). */
  deleteProject(projectId: string): void {
    const project = this.projects.get(projectId);
    if (project === undefined) return;
    for (const issue of [...(this.issuesByProject.get(projectId)?.values() ?? [])])
      this.removeIssue(issue.id);
    this.projects.delete(projectId);
    this.projectIdByKey.delete(project.key.toUpperCase());
    this.issuesByProject.delete(projectId);
    for (const user of this.users.values()) user.projectIds.delete(projectId);
  }

  /** Looks a project up by id or exact (case-sensitive) key, as Jira's `project/{projectIdOrKey}` does. */
  findProjectExact(idOrKey: string): SiteProject | undefined {
    const byId = this.projects.get(idOrKey);
    if (byId !== undefined) return byId;
    const project = this.findProject(idOrKey);
    return project?.key === idOrKey ? project : undefined;
  }

  /** Looks a project up by id or (case-insensitive) key. */
  findProject(idOrKey: string): SiteProject | undefined {
    const id = this.projectIdByKey.get(idOrKey.toUpperCase()) ?? idOrKey;
    return this.projects.get(id);
  }

  /** Adds a user (indexed by account id). */
  addUser(user: SiteUser): void {
    this.users.set(user.accountId, user);
  }

  /** Finds a user by e-mail address, case-insensitively. */
  findUserByEmail(email: string): SiteUser | undefined {
    const wanted = email.toLowerCase();
    for (const user of this.users.values()) if (user.emailAddress.toLowerCase() === wanted) return user;
    return undefined;
  }

  /** Inserts an issue into every index. */
  insertIssue(issue: StoredIssue): void {
    this.revision += 1;
    this.issues.set(issue.id, issue);
    this.issueIdByKey.set(issue.key.toUpperCase(), issue.id);
    let byProject = this.issuesByProject.get(issue.projectId);
    if (byProject === undefined) {
      byProject = new Map();
      this.issuesByProject.set(issue.projectId, byProject);
    }
    byProject.set(issue.id, issue);
    const parentId = parentIdOf(issue);
    if (parentId !== undefined) this.linkChild(parentId, issue.id);
  }

  /** Removes an issue from every index (its sub-tasks go with it, as in Jira). */
  removeIssue(issueId: string): StoredIssue[] {
    const issue = this.issues.get(issueId);
    if (issue === undefined) return [];
    this.revision += 1;
    const removed = [issue];
    for (const childId of [...(this.childrenByParent.get(issueId) ?? [])]) {
      const child = this.issues.get(childId);
      if (child !== undefined && child.fields.issuetype !== undefined && isSubtask(child)) {
        removed.push(...this.removeIssue(childId));
      }
    }
    this.issues.delete(issueId);
    this.issueIdByKey.delete(issue.key.toUpperCase());
    this.issuesByProject.get(issue.projectId)?.delete(issueId);
    const parentId = parentIdOf(issue);
    if (parentId !== undefined) this.childrenByParent.get(parentId)?.delete(issueId);
    this.childrenByParent.delete(issueId);
    this.worklogsByIssue.delete(issueId);
    return removed;
  }

  /** Records that `childId`'s parent is `parentId`. */
  linkChild(parentId: string, childId: string): void {
    let children = this.childrenByParent.get(parentId);
    if (children === undefined) {
      children = new Set();
      this.childrenByParent.set(parentId, children);
    }
    children.add(childId);
  }

  /** Finds an issue by id or key (keys case-insensitively, as Jira does). */
  findIssue(idOrKey: string): StoredIssue | undefined {
    const id = this.issueIdByKey.get(idOrKey.toUpperCase()) ?? idOrKey;
    return this.issues.get(id);
  }

  /** The issue's children (sub-tasks, or an epic's issues), in creation order. */
  childrenOf(issueId: string): StoredIssue[] {
    const ids = this.childrenByParent.get(issueId);
    if (ids === undefined) return [];
    const children: StoredIssue[] = [];
    for (const id of ids) {
      const child = this.issues.get(id);
      if (child !== undefined) children.push(child);
    }
    return children;
  }

  /** Whether `user` (null = anonymous) may browse the project. */
  canBrowse(user: SiteUser | null, projectId: string): boolean {
    if (user === null) return false;
    return user.siteAdmin || user.projectIds.has(projectId);
  }

  /** Projects the user may browse, ordered by key. */
  visibleProjects(user: SiteUser | null): SiteProject[] {
    return [...this.projects.values()]
      .filter((project) => this.canBrowse(user, project.id))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  /** Finds a field by id, or by name case-insensitively. */
  findField(idOrName: string): FieldDetails | undefined {
    const lower = idOrName.toLowerCase();
    return (
      this.fields.find((field) => field.id === idOrName) ??
      this.fields.find((field) => field.name.toLowerCase() === lower)
    );
  }
}

/** The parent issue id of a stored issue, if any. */
export function parentIdOf(issue: StoredIssue): string | undefined {
  const parent = issue.fields.parent as { id?: unknown } | undefined;
  return typeof parent?.id === "string" ? parent.id : undefined;
}

/** Whether the stored issue is a sub-task. */
export function isSubtask(issue: StoredIssue): boolean {
  const type = issue.fields.issuetype as { subtask?: unknown } | undefined;
  return type?.subtask === true;
}
