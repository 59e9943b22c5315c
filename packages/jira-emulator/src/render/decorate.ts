/**
 * Adds what depends on the site's base URL to stored values: `self` links, icon and avatar URLs. Stored
 * values are shared and frozen, so decoration always builds new objects.
 */
type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** URL helpers bound to a base URL. */
export interface Links {
  base: string;
  api: string;
}

/** Builds the link helpers for a base URL like `http://localhost:4010`. */
export function linksFor(base: string, deployment: "cloud" | "data-center" = "cloud"): Links {
  return { base, api: `${base}/rest/api/${deployment === "data-center" ? 2 : 3}` };
}

/** A user object with its `self` link. */
export function decorateUser(value: unknown, links: Links): unknown {
  if (!isObj(value) || typeof value.accountId !== "string") return value;
  return { self: `${links.api}/user?accountId=${encodeURIComponent(value.accountId)}`, ...value };
}

/** A status category with its `self` link. */
export function decorateStatusCategory(value: unknown, links: Links): unknown {
  if (!isObj(value)) return value;
  return { self: `${links.api}/statuscategory/${String(value.id)}`, ...value };
}

/** A status with `self`, `iconUrl` and its category's `self`. */
export function decorateStatus(value: unknown, links: Links): unknown {
  if (!isObj(value)) return value;
  return {
    self: `${links.api}/status/${String(value.id)}`,
    description: value.description,
    iconUrl: `${links.base}/images/icons/statuses/generic.png`,
    name: value.name,
    id: value.id,
    statusCategory: decorateStatusCategory(value.statusCategory, links),
  };
}

/** An issue type with `self` and Jira's v2 universal-avatar `iconUrl`. */
export function decorateIssueType(value: unknown, links: Links): unknown {
  if (!isObj(value)) return value;
  return {
    self: `${links.api}/issuetype/${String(value.id)}`,
    id: value.id,
    description: value.description,
    iconUrl: `${links.base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${String(value.avatarId)}?size=medium`,
    name: value.name,
    subtask: value.subtask,
    avatarId: value.avatarId,
    hierarchyLevel: value.hierarchyLevel,
  };
}

/** Project avatar URLs (48x48 has no size parameter, as on real sites). */
export function projectAvatarUrls(avatarId: number, links: Links): Record<string, string> {
  const url = `${links.api}/universal_avatar/view/type/project/avatar/${avatarId}`;
  return {
    "48x48": url,
    "24x24": `${url}?size=small`,
    "16x16": `${url}?size=xsmall`,
    "32x32": `${url}?size=medium`,
  };
}

/** A project reference with `self` and avatars. */
export function decorateProject(value: unknown, links: Links, avatarId = 10400): unknown {
  if (!isObj(value)) return value;
  return {
    self: `${links.api}/project/${String(value.id)}`,
    ...value,
    avatarUrls: projectAvatarUrls(avatarId, links),
  };
}

/** A priority with `self` and `iconUrl`. */
export function decoratePriority(value: unknown, links: Links): unknown {
  if (!isObj(value)) return value;
  const name = String(value.name).toLowerCase();
  return {
    self: `${links.api}/priority/${String(value.id)}`,
    iconUrl: `${links.base}/images/icons/priorities/${name}.svg`,
    name: value.name,
    id: value.id,
  };
}

/** Decorates one field value by field id. `parent` needs live data and is handled by the issue renderer. */
export function decorateField(
  fieldId: string,
  value: unknown,
  links: Links,
  projectAvatarId?: number,
): unknown {
  if (value === null || value === undefined) return value;
  switch (fieldId) {
    case "status":
      return decorateStatus(value, links);
    case "statusCategory":
      return decorateStatusCategory(value, links);
    case "issuetype":
      return decorateIssueType(value, links);
    case "project":
      return decorateProject(value, links, projectAvatarId);
    case "priority":
      return decoratePriority(value, links);
    case "assignee":
    case "reporter":
    case "creator":
      return decorateUser(value, links);
    case "resolution":
      return isObj(value) ? { self: `${links.api}/resolution/${String(value.id)}`, ...value } : value;
    case "components":
      return Array.isArray(value)
        ? value.map((c: unknown) => (isObj(c) ? { self: `${links.api}/component/${String(c.id)}`, ...c } : c))
        : value;
    case "fixVersions":
    case "versions":
      return Array.isArray(value)
        ? value.map((v: unknown) => (isObj(v) ? { self: `${links.api}/version/${String(v.id)}`, ...v } : v))
        : value;
    default:
      return value;
  }
}
