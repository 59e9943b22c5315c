import { issueBasicsOf } from "@goalpost/jira";
import { callJira } from "../jira-connections/jira-failure.ts";
import { jiraAccessForOrg } from "../jira-connections/org-jira-gate.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { openPortfolioJira } from "./open-portfolio-jira.ts";
import { listLinkedProjectRows } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { requireJiraConfig } from "./require-jira-config.ts";

/** An epic offered by the picker. */
export interface EpicChoice {
  key: string;
  summary: string;
  projectKey: string;
  status: { name: string; category: string };
  url: string;
}

/** Epics per page of the picker. */
export const EPIC_PAGE_SIZE = 50;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-\d+$/i;

/** One page of the picker: its epics, and the cursor of the next page (null on the last). */
export interface EpicChoicePage {
  items: EpicChoice[];
  nextCursor: string | null;
}

/** A JQL string literal. */
function jqlString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * The JQL of the picker over the linked `projectKeys`: every epic without a query; with one, epics whose
 * summary contains it or of the linked projects whose key starts with it ("COM" finds COM's epics). Project
 * keys are matched here, not in JQL, because Jira refuses a query naming a project that does not exist.
 */
export function epicPickerJql(projectKeys: readonly string[], query: string): string {
  const scope = `project in (${projectKeys.map(jqlString).join(", ")}) AND issuetype = Epic`;
  const text = query.trim();
  if (text === "") return `${scope} ORDER BY key ASC`;
  const upper = text.toUpperCase();
  const projects = projectKeys.filter((key) => key.startsWith(upper));
  const terms = [
    ...(projects.length > 0 ? [`project in (${projects.map(jqlString).join(", ")})`] : []),
    `summary ~ ${jqlString(text)}`,
  ];
  return `${scope} AND (${terms.join(" OR ")}) ORDER BY key ASC`;
}

/**
 * Epics of the linked projects to pick from (Portfolio Managers and Contributors of the same company), a page
 * at a time (`cursor`: the previous page's `nextCursor`): all of them without `query`; with one, the epic
 * whose key it is, or epics of linked projects whose key starts with it, or whose summary contains it.
 * No linked projects → no epics.
 */
export async function searchEpics(
  deps: PortfolioDeps,
  input: { portfolioId: string; userId: string; query?: string | undefined; cursor?: string | undefined },
): Promise<EpicChoicePage> {
  const { row } = await accessPortfolio(deps.db, {
    id: input.portfolioId,
    userId: input.userId,
    action: "jira.epics.link",
  });
  const access = await jiraAccessForOrg(deps, row.orgId);
  const config = await requireJiraConfig(deps.db, row.id);
  const projects = (await listLinkedProjectRows(deps.db, row.id)).filter((p) => p.inaccessibleSince === null);
  if (projects.length === 0) return { items: [], nextCursor: null };
  const keys = new Set(projects.map((p) => p.projectKey));
  const jira = openPortfolioJira(access, deps.box, config);
  const query = input.query?.trim() ?? "";
  const fields = ["summary", "status", "project", "issuetype"];
  const page = await callJira(async () => {
    if (ISSUE_KEY.test(query)) {
      return { issues: await jira.bulkFetch([query.toUpperCase()], fields), nextPageToken: null };
    }
    return jira.searchPage(epicPickerJql([...keys], query), fields, {
      pageSize: EPIC_PAGE_SIZE,
      pageToken: input.cursor,
    });
  });
  const items = page.issues.flatMap((issue) => {
    const epic = issueBasicsOf(issue);
    if (!issue.key || !keys.has(epic.projectKey) || !epic.isEpic) return [];
    return [
      {
        key: epic.key,
        summary: epic.summary,
        projectKey: epic.projectKey,
        status: { name: epic.status.name, category: epic.status.categoryKey },
        url: `${config.baseUrl}/browse/${encodeURIComponent(epic.key)}`,
      },
    ];
  });
  return { items, nextCursor: page.nextPageToken };
}
