import { accessConnection } from "./access-connection.ts";
import type { ConnectionDeps } from "./connection-deps.ts";
import { openJiraClient } from "./jira-access.ts";
import { callJira } from "./jira-failure.ts";

/** How many matching issues the preview shows. */
export const JQL_PREVIEW_SIZE = 5;

/** Jira's verdict on a JQL query, before anything is saved. */
export interface JqlCheck {
  valid: boolean;
  /** Jira's own messages (`/jql/parse`, strict). */
  errors: string[];
  warnings: string[];
  /** Jira's approximate count of matching issues; null when the query is invalid. */
  matchCount: number | null;
  /** The first few matching issues. */
  preview: { key: string; summary: string }[];
}

/** Validates `jql` with Jira's own parser on the connection's site, then counts and previews its matches. */
export async function checkJql(
  deps: ConnectionDeps,
  input: { id: string; userId: string; jql: string },
): Promise<JqlCheck> {
  const { row } = await accessConnection(deps.db, { id: input.id, userId: input.userId, purpose: "use" });
  const jira = openJiraClient(deps.jira, {
    baseUrl: row.baseUrl,
    email: row.email,
    apiToken: deps.box.open(row.apiTokenSealed),
  });
  return callJira(async () => {
    const [parsed] = await jira.parseJql([input.jql]);
    const errors = parsed?.errors ?? ["Jira did not return a verdict for the query."];
    const warnings = parsed?.warnings ?? [];
    if (errors.length > 0) return { valid: false, errors, warnings, matchCount: null, preview: [] };
    const [matchCount, issues] = await Promise.all([
      jira.approximateCount(input.jql),
      jira.searchIssues(input.jql, ["summary"], { pageSize: JQL_PREVIEW_SIZE, limit: JQL_PREVIEW_SIZE }),
    ]);
    const preview = issues.map((issue) => ({
      key: issue.key ?? issue.id,
      summary: typeof issue.fields.summary === "string" ? issue.fields.summary : "",
    }));
    return { valid: true, errors: [], warnings, matchCount, preview };
  });
}
