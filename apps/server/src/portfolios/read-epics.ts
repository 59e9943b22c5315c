import {
  computeEpicProgress,
  type EpicProgress,
  findStoryPointFields,
  resolveStoryPoints,
} from "@goalpost/domain";
import {
  findEpicLinkField,
  issueBasicsOf,
  issueLinksOf,
  type JiraClient,
  type JiraIssue,
} from "@goalpost/jira";

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

/** The epic key a child belongs to: its `parent`, else its "Epic Link". */
function epicKeyOf(issue: JiraIssue, epicLinkFieldId: string | null): string | null {
  const links = issueLinksOf(issue, epicLinkFieldId);
  return links.parentKey ?? links.epicLink;
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
  const epicLinkFieldId = findEpicLinkField(siteFields);
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
    if (!epic.key) continue;
    const basics = issueBasicsOf(epic);
    found.set(basics.key, {
      id: epic.id,
      key: basics.key,
      projectKey: basics.projectKey,
      summary: basics.summary,
      statusName: basics.status.name,
      statusCategory: basics.status.categoryKey,
      isEpic: basics.isEpic,
      issueType: basics.issueType.name,
      progress: computeEpicProgress(
        (children.get(basics.key) ?? []).map((child) => ({
          statusCategoryKey: issueBasicsOf(child).status.categoryKey,
          storyPoints: resolveStoryPoints(child.fields, storyPointIds),
        })),
      ),
    });
  }
  return found;
}
