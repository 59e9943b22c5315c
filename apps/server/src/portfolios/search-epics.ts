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

/** Most epics one picker search returns. */
export const EPIC_SEARCH_LIMIT = 50;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-\d+$/i;

/** A JQL string literal. */
function jqlString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const rec = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
const str = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * Epics of the linked projects whose summary contains `query`, or the epic whose key it is (Portfolio
 * Managers and Contributors of the same company). No linked projects → no epics.
 */
export async function searchEpics(
  deps: PortfolioDeps,
  input: { portfolioId: string; userId: string; query?: string | undefined },
): Promise<EpicChoice[]> {
  const { row } = await accessPortfolio(deps.db, {
    id: input.portfolioId,
    userId: input.userId,
    action: "jira.epics.link",
  });
  const access = await jiraAccessForOrg(deps, row.orgId);
  const config = await requireJiraConfig(deps.db, row.id);
  const projects = (await listLinkedProjectRows(deps.db, row.id)).filter((p) => p.inaccessibleSince === null);
  if (projects.length === 0) return [];
  const keys = new Set(projects.map((p) => p.projectKey));
  const jira = openPortfolioJira(access, deps.box, config);
  const query = input.query?.trim() ?? "";
  const scope = `project in (${projects.map((p) => jqlString(p.projectKey)).join(", ")}) AND issuetype = Epic`;
  const fields = ["summary", "status", "project", "issuetype"];
  const issues = await callJira(async () => {
    if (ISSUE_KEY.test(query)) return jira.bulkFetch([query.toUpperCase()], fields);
    const text = query === "" ? "" : ` AND summary ~ ${jqlString(query)}`;
    return jira.searchIssues(`${scope}${text} ORDER BY key ASC`, fields, {
      pageSize: EPIC_SEARCH_LIMIT,
      limit: EPIC_SEARCH_LIMIT,
    });
  });
  return issues.flatMap((issue) => {
    const key = (issue.key ?? "").toUpperCase();
    const projectKey = str(rec(issue.fields.project).key).toUpperCase();
    const type = rec(issue.fields.issuetype);
    const isEpic = type.hierarchyLevel === 1 || str(type.name).toLowerCase() === "epic";
    if (!key || !keys.has(projectKey) || !isEpic) return [];
    const status = rec(issue.fields.status);
    return [
      {
        key,
        summary: str(issue.fields.summary),
        projectKey,
        status: { name: str(status.name), category: str(rec(status.statusCategory).key) || "new" },
        url: `${config.baseUrl}/browse/${encodeURIComponent(key)}`,
      },
    ];
  });
}
