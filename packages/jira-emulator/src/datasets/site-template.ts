/**
 * Building blocks shared by every dataset: the global configuration of a fresh Jira Cloud site (fields,
 * priorities, resolutions, company-managed issue types and workflow) and project creation for both styles.
 */
import { createHash } from "node:crypto";
import type { SiteStore } from "../store/site-store.ts";
import type {
  SiteIssueType,
  SiteProject,
  SiteStatus,
  SiteTransition,
  SiteUser,
  StatusCategoryKey,
} from "../store/types.ts";
import { defaultFields } from "./field-catalog.ts";

/** Statuses of the shared company-managed workflow, with custom names in all three categories. */
const CLASSIC_STATUSES: [string, StatusCategoryKey, string][] = [
  ["Backlog", "new", ""],
  ["To Do", "new", ""],
  [
    "In Progress",
    "indeterminate",
    "This work item is being actively worked on at the moment by the assignee.",
  ],
  ["In Review", "indeterminate", ""],
  ["Done", "done", ""],
  ["Shipped", "done", "Released to customers."],
  ["Won't do", "done", "Decided not to do this."],
];

/** Statuses a team-managed project starts with (project scoped). */
const NEXT_GEN_STATUSES: [string, StatusCategoryKey][] = [
  ["To Do", "new"],
  ["In Progress", "indeterminate"],
  ["QA", "indeterminate"],
  ["Done", "done"],
  ["Won't do", "done"],
];

const TYPE_DEFS: [string, number, boolean, number, string][] = [
  ["Epic", 1, false, 10307, "Epics track collections of related bugs, stories, and tasks."],
  ["Story", 0, false, 10315, "Stories track functionality or features expressed as user goals."],
  ["Task", 0, false, 10318, "Tasks track small, distinct pieces of work."],
  ["Bug", 0, false, 10303, "Bugs track problems or errors."],
  ["Sub-task", -1, true, 10316, "Subtasks track small pieces of work that are part of a larger task."],
];

/** Installs the global configuration of a new site. */
export function installSiteTemplate(store: SiteStore): void {
  if (store.fields.length > 0) return;
  store.fields.push(...defaultFields());
  store.priorities.push(
    { id: "1", name: "Highest" },
    { id: "2", name: "High" },
    { id: "3", name: "Medium" },
    { id: "4", name: "Low" },
    { id: "5", name: "Lowest" },
  );
  store.resolutions.push(
    { id: "10000", name: "Done", description: "Work has been completed on this issue." },
    { id: "10001", name: "Won't Do", description: "This issue won't be actioned." },
    { id: "10002", name: "Duplicate", description: "The problem is a duplicate of an existing issue." },
  );
  for (const [name, category, description] of CLASSIC_STATUSES) {
    const id = String(store.nextId("status"));
    store.statuses.set(id, { id, name, description, categoryKey: category });
  }
  for (const [name, hierarchyLevel, subtask, avatarId, description] of TYPE_DEFS) {
    const id = String(store.nextId("issueType"));
    store.issueTypes.set(id, { id, name, description, subtask, hierarchyLevel, avatarId });
  }
}

/** Options of {@link addProject}. */
export interface NewProject {
  key: string;
  name: string;
  style: "classic" | "next-gen";
  lead: SiteUser;
  description?: string;
}

const uuidFrom = (text: string): string => {
  const hex = createHash("sha1").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const globalTransitions = (statuses: SiteStatus[]): SiteTransition[] =>
  statuses.map((status, index) => ({
    id: String((index + 1) * 10 + 1),
    name: status.name,
    toStatusId: status.id,
  }));

/**
 * Creates a project. Company-managed projects share the global workflow and issue types; team-managed ones
 * get their own project-scoped statuses and issue types, as on Jira Cloud.
 */
export function addProject(store: SiteStore, input: NewProject): SiteProject {
  installSiteTemplate(store);
  const id = String(store.nextId("project"));
  let statuses: SiteStatus[];
  let types: SiteIssueType[];
  if (input.style === "classic") {
    statuses = [...store.statuses.values()].filter((s) => s.projectId === undefined);
    types = [...store.issueTypes.values()].filter((t) => t.projectId === undefined);
  } else {
    statuses = NEXT_GEN_STATUSES.map(([name, category]) => {
      const statusId = String(store.nextId("status"));
      const status: SiteStatus = {
        id: statusId,
        name,
        description: "",
        categoryKey: category,
        projectId: id,
      };
      store.statuses.set(statusId, status);
      return status;
    });
    types = TYPE_DEFS.map(([name, hierarchyLevel, subtask, avatarId, description]) => {
      const typeId = String(store.nextId("issueType"));
      const type: SiteIssueType = {
        id: typeId,
        name: subtask ? "Subtask" : name,
        description,
        subtask,
        hierarchyLevel,
        avatarId,
        projectId: id,
      };
      store.issueTypes.set(typeId, type);
      return type;
    });
  }
  const project: SiteProject = {
    id,
    key: input.key,
    name: input.name,
    description: input.description ?? "",
    style: input.style,
    leadAccountId: input.lead.accountId,
    avatarId: 10400 + (Number(id) % 25),
    uuid: uuidFrom(`project:${input.key}`),
    issueTypeIds: types.map((t) => t.id),
    statusIds: statuses.map((s) => s.id),
    transitions: globalTransitions(statuses),
    lastIssueNumber: 0,
  };
  store.addProject(project);
  return project;
}

/** The project's issue type with the given name (case-insensitive); "Sub-task" and "Subtask" are aliases. */
export function projectIssueType(store: SiteStore, project: SiteProject, name: string): SiteIssueType {
  const wanted = name.toLowerCase().replace("sub-task", "subtask");
  for (const id of project.issueTypeIds) {
    const type = store.issueTypes.get(id);
    if (type !== undefined && type.name.toLowerCase().replace("sub-task", "subtask") === wanted) return type;
  }
  throw new Error(`Project ${project.key} has no issue type ${name}`);
}

/** The project's status with the given name (case-insensitive). */
export function projectStatus(store: SiteStore, project: SiteProject, name: string): SiteStatus {
  for (const id of project.statusIds) {
    const status = store.statuses.get(id);
    if (status !== undefined && status.name.toLowerCase() === name.toLowerCase()) return status;
  }
  throw new Error(`Project ${project.key} has no status ${name}`);
}

/** Creates a site user with deterministic account id. */
export function makeUser(
  store: SiteStore,
  input: { email: string; displayName: string; token?: string; siteAdmin?: boolean; timeZone?: string },
): SiteUser {
  const existing = store.findUserByEmail(input.email);
  if (existing !== undefined) {
    if (input.token !== undefined && !existing.apiTokens.includes(input.token))
      existing.apiTokens.push(input.token);
    if (input.siteAdmin === true) {
      existing.siteAdmin = true;
      joinGroup(store, SITE_ADMINS_GROUP, existing.accountId);
    }
    return existing;
  }
  const user: SiteUser = {
    accountId: `712020:${uuidFrom(`user:${input.email.toLowerCase()}`)}`,
    displayName: input.displayName,
    emailAddress: input.email,
    timeZone: input.timeZone ?? "Etc/UTC",
    active: true,
    siteAdmin: input.siteAdmin ?? false,
    apiTokens: input.token === undefined ? [] : [input.token],
    projectIds: new Set(),
  };
  store.addUser(user);
  if (user.siteAdmin) joinGroup(store, SITE_ADMINS_GROUP, user.accountId);
  return user;
}

/** The group every site admin belongs to, as on Jira Cloud. */
export const SITE_ADMINS_GROUP = "site-admins";

/** Adds a user to a group, creating the group when missing. */
export function joinGroup(store: SiteStore, group: string, accountId: string): void {
  let members = store.groups.get(group);
  if (members === undefined) {
    members = new Set();
    store.groups.set(group, members);
  }
  members.add(accountId);
}
