import {
  computeEpicProgress,
  type EpicProgress,
  findStoryPointFields,
  resolveStoryPoints,
} from "@goalpost/domain";
import type { JiraClient, JiraIssue } from "@goalpost/jira";

/** What Jira says about one epic now: its identity, status and progress from its children. */
export interface EpicSnapshot {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  statusName: string;
  statusCategory: string;
  /** Whether the issue is an epic (hierarchy level 1 or type "Epic"). */
  isEpic: boolean;
  issueType: string;
  progress: EpicProgress;
}

/** Epics per children search: keeps the JQL well under Jira's length limits. */
const EPICS_PER_SEARCH = 100;
const EPIC_LINK = "epic link";

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string => (typeof value === "string" ? value : "");

function statusOf(issue: JiraIssue) {
  const status = record(issue.fields.status);
  return { name: text(status.name), category: text(record(status.statusCategory).key) || "new" };
}

/** The epic key a child belongs to: its `parent`, else its "Epic Link" (a key, or an object with one). */
function epicKeyOf(issue: JiraIssue, epicLinkFieldId: string | null): string | null {
  const parentKey = text(record(issue.fields.parent).key);
  if (parentKey) return parentKey.toUpperCase();
  if (epicLinkFieldId === null) return null;
  const link = issue.fields[epicLinkFieldId];
  const linkKey = typeof link === "string" ? link : text(record(link).key);
  return linkKey ? linkKey.toUpperCase() : null;
}

/**
 * Reads the epics `keys` and their progress, read-only: the site's fields (story points, Epic Link), the
 * epics by `issue/bulkfetch` (unknown or invisible keys are simply absent), then ONE search per hundred epics
 * for every child (`parent in (…) OR "Epic Link" in (…)`), counted by the domain's epic rule. Throws the
 * client's `JiraError` on failure.
 */
export async function readEpics(
  jira: JiraClient,
  keys: readonly string[],
): Promise<Map<string, EpicSnapshot>> {
  const wanted = [...new Set(keys.map((k) => k.toUpperCase()))];
  const found = new Map<string, EpicSnapshot>();
  if (wanted.length === 0) return found;
  const siteFields = await jira.listFields();
  const storyPointIds = findStoryPointFields(siteFields).map((f) => f.id);
  const epicLinkFieldId = siteFields.find((f) => f.name.trim().toLowerCase() === EPIC_LINK)?.id ?? null;
  const epics = await jira.bulkFetch(wanted, ["summary", "status", "issuetype", "project"]);
  const existing = epics.filter((e) => e.key !== undefined).map((e) => (e.key ?? "").toUpperCase());
  const children = new Map<string, JiraIssue[]>(existing.map((k) => [k, []]));
  for (let i = 0; i < existing.length; i += EPICS_PER_SEARCH) {
    const list = existing.slice(i, i + EPICS_PER_SEARCH).join(", ");
    const jql = `parent in (${list})${epicLinkFieldId ? ` OR "Epic Link" in (${list})` : ""}`;
    const fields = ["parent", "status", ...storyPointIds, ...(epicLinkFieldId ? [epicLinkFieldId] : [])];
    for (const child of await jira.searchIssues(jql, fields)) {
      const epicKey = epicKeyOf(child, epicLinkFieldId);
      if (epicKey) children.get(epicKey)?.push(child);
    }
  }
  for (const epic of epics) {
    const key = (epic.key ?? "").toUpperCase();
    if (!key) continue;
    const type = record(epic.fields.issuetype);
    const status = statusOf(epic);
    found.set(key, {
      id: epic.id,
      key,
      projectKey: text(record(epic.fields.project).key).toUpperCase() || (key.split("-")[0] ?? ""),
      summary: text(epic.fields.summary),
      statusName: status.name,
      statusCategory: status.category,
      isEpic: type.hierarchyLevel === 1 || text(type.name).toLowerCase() === "epic",
      issueType: text(type.name),
      progress: computeEpicProgress(
        (children.get(key) ?? []).map((child) => ({
          statusCategoryKey: statusOf(child).category,
          storyPoints: resolveStoryPoints(child.fields, storyPointIds),
        })),
      ),
    });
  }
  return found;
}
