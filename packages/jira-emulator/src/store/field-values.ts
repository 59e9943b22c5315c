/**
 * Builders of stored field values in Jira REST v3 shape, without `self`/icon URLs (those depend on the
 * base URL and are added when rendering, see `render/decorate.ts`).
 */
import type {
  NamedValue,
  SiteIssueType,
  SiteProject,
  SiteSprint,
  SiteStatus,
  SiteUser,
  StatusCategoryKey,
} from "./types.ts";

/** A status category as Jira renders it (ids 1/2/4/3, colours as on real sites). */
export interface StatusCategoryValue {
  id: number;
  key: StatusCategoryKey;
  colorName: string;
  name: string;
}

const CATEGORIES: Record<StatusCategoryKey, StatusCategoryValue> = {
  undefined: { id: 1, key: "undefined", colorName: "medium-gray", name: "No Category" },
  new: { id: 2, key: "new", colorName: "blue-gray", name: "To Do" },
  indeterminate: { id: 4, key: "indeterminate", colorName: "yellow", name: "In Progress" },
  done: { id: 3, key: "done", colorName: "green", name: "Done" },
};

/** Every status category, in the order `GET /statuscategory` lists them. */
export const STATUS_CATEGORIES: readonly StatusCategoryValue[] = [
  CATEGORIES.undefined,
  CATEGORIES.new,
  CATEGORIES.indeterminate,
  CATEGORIES.done,
];

/** The category object for a key. */
export function statusCategoryValue(key: StatusCategoryKey): StatusCategoryValue {
  return CATEGORIES[key];
}

const cache = new WeakMap<object, Record<string, unknown>>();

/** Shares one frozen value per site object: stored values are never mutated, and 200k issues stay small. */
function cached(key: object, build: () => Record<string, unknown>): Record<string, unknown> {
  let value = cache.get(key);
  if (value === undefined) {
    value = Object.freeze(build());
    cache.set(key, value);
  }
  return value;
}

/** The stored `status` field value. */
export function statusValue(status: SiteStatus): Record<string, unknown> {
  return cached(status, () => ({
    description: status.description,
    name: status.name,
    id: status.id,
    statusCategory: statusCategoryValue(status.categoryKey),
  }));
}

/** The stored `issuetype` field value. */
export function issueTypeValue(type: SiteIssueType): Record<string, unknown> {
  return cached(type, () => ({
    id: type.id,
    description: type.description,
    name: type.name,
    subtask: type.subtask,
    avatarId: type.avatarId,
    hierarchyLevel: type.hierarchyLevel,
  }));
}

/** The stored `project` field value. */
export function projectValue(project: SiteProject): Record<string, unknown> {
  return cached(project, () => ({
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: "software",
    simplified: project.style === "next-gen",
  }));
}

/** Gravatar-style avatar URLs, as Jira Cloud returns for users without an uploaded avatar. */
export function userAvatarUrls(user: Pick<SiteUser, "accountId" | "displayName">): Record<string, string> {
  const initials = user.displayName
    .split(/\s+/)
    .map((part) => part.charAt(0).toUpperCase())
    .join("")
    .slice(0, 2);
  const url = `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${initials}-4.png`;
  return { "48x48": url, "24x24": url, "16x16": url, "32x32": url };
}

/** The stored user value (assignee, reporter, creator, changelog author). */
export function userValue(user: SiteUser): Record<string, unknown> {
  return cached(user, () => ({
    accountId: user.accountId,
    emailAddress: user.emailAddress,
    avatarUrls: userAvatarUrls(user),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: "atlassian",
  }));
}

/** The stored `priority` value. */
export function priorityValue(priority: NamedValue): Record<string, unknown> {
  return { name: priority.name, id: priority.id };
}

/** The stored `resolution` value. */
export function resolutionValue(resolution: NamedValue): Record<string, unknown> {
  return { id: resolution.id, description: resolution.description ?? "", name: resolution.name };
}

/** One entry of the Sprint field (`customfield_10020`). */
export function sprintValue(sprint: SiteSprint): Record<string, unknown> {
  const value: Record<string, unknown> = {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.boardId,
    goal: sprint.goal,
  };
  if (sprint.startDate !== undefined) value.startDate = sprint.startDate;
  if (sprint.endDate !== undefined) value.endDate = sprint.endDate;
  if (sprint.completeDate !== undefined) value.completeDate = sprint.completeDate;
  return value;
}

/** Wraps plain text in an Atlassian Document Format document, as v3 returns `description`. */
export function adfText(text: string): Record<string, unknown> {
  return {
    type: "doc",
    version: 1,
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  };
}

/** Extracts the plain text of an ADF document (or returns a string as is). */
export function adfToText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") return "";
  const node = value as { text?: unknown; content?: unknown };
  const own = typeof node.text === "string" ? node.text : "";
  const children = Array.isArray(node.content) ? node.content.map(adfToText).filter((t) => t !== "") : [];
  return [own, ...children]
    .filter((t) => t !== "")
    .join(node.content !== undefined && own === "" ? "\n" : "");
}
