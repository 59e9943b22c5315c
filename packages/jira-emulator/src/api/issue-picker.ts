/** `GET /rest/api/3/issue/picker`: issue suggestions for a typed text, as Jira's issue pickers use them. */
import { type ApiContext, query } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { compileFor } from "../search/run-search.ts";
import { adfToText } from "../store/field-values.ts";
import { isSubtask, parentIdOf } from "../store/site-store.ts";
import type { StoredIssue } from "../store/types.ts";

/** Suggestions per section, as on Jira Cloud. */
const LIMIT = 50;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Wraps each case-insensitive occurrence of `word` in `<b>`, escaping the rest. */
function highlight(text: string, words: readonly string[]): string {
  if (words.length === 0) return escapeHtml(text);
  const pattern = new RegExp(
    `(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`,
    "gi",
  );
  return text
    .split(pattern)
    .map((part, index) => (index % 2 === 1 ? `<b>${escapeHtml(part)}</b>` : escapeHtml(part)))
    .join("");
}

function matchesText(issue: StoredIssue, text: string, words: readonly string[]): boolean {
  if (text === "") return true;
  if (issue.key.toLowerCase().startsWith(text)) return true;
  const summary = adfToText(issue.fields.summary).toLowerCase();
  return words.every((word) => summary.includes(word));
}

function suggestion(issue: StoredIssue, text: string, words: readonly string[]): Record<string, unknown> {
  const summary = adfToText(issue.fields.summary);
  const type = issue.fields.issuetype as { avatarId?: unknown } | undefined;
  const keyMatch = text !== "" && issue.key.toLowerCase().startsWith(text);
  return {
    key: issue.key,
    keyHtml: keyMatch
      ? `<b>${escapeHtml(issue.key.slice(0, text.length))}</b>${escapeHtml(issue.key.slice(text.length))}`
      : escapeHtml(issue.key),
    img: `/rest/api/2/universal_avatar/view/type/issuetype/avatar/${String(type?.avatarId ?? 10318)}?size=medium`,
    summary: highlight(summary, words),
    summaryText: summary,
    id: Number(issue.id),
  };
}

function section(
  id: string,
  label: string,
  found: StoredIssue[],
  text: string,
  words: readonly string[],
): Record<string, unknown> {
  const shown = found.slice(0, LIMIT);
  return {
    label,
    ...(found.length === 0 ? {} : { sub: `Showing ${shown.length} of ${found.length} matching issues` }),
    id,
    issues: shown.map((issue) => suggestion(issue, text, words)),
  };
}

/**
 * `query` matches a key prefix or every word of the summary. "History Search" (`hs`) lists the matching
 * visible issues, most recently updated first (the emulator keeps no browsing history); "Current Search"
 * (`cs`) those also matching `currentJQL`. `currentIssueKey` is never suggested; `currentProjectId` limits
 * to a project; `showSubTasks=false` drops sub-tasks; `showSubTaskParent=false` drops the current sub-task's
 * parent.
 */
export function getIssuePicker(ctx: ApiContext): Response {
  const text = (query(ctx, "query") ?? "").trim().toLowerCase();
  const words = text.split(/\s+/).filter((w) => w !== "");
  const currentKey = query(ctx, "currentIssueKey")?.toUpperCase();
  const current = currentKey === undefined ? undefined : ctx.store.findIssue(currentKey);
  const projectId = query(ctx, "currentProjectId");
  const showSubTasks = query(ctx, "showSubTasks") !== "false";
  const hideParent =
    query(ctx, "showSubTaskParent") === "false" && current !== undefined && isSubtask(current)
      ? parentIdOf(current)
      : undefined;
  const candidates: StoredIssue[] = [];
  for (const project of ctx.store.visibleProjects(ctx.user)) {
    if (projectId !== undefined && project.id !== projectId) continue;
    for (const issue of ctx.store.issuesByProject.get(project.id)?.values() ?? []) {
      if (issue.id === current?.id || issue.id === hideParent) continue;
      if (!showSubTasks && isSubtask(issue)) continue;
      if (matchesText(issue, text, words)) candidates.push(issue);
    }
  }
  candidates.sort(
    (a, b) => String(b.fields.updated).localeCompare(String(a.fields.updated)) || Number(b.id) - Number(a.id),
  );
  const currentJql = query(ctx, "currentJQL");
  const currentQuery =
    currentJql === undefined || currentJql.trim() === ""
      ? undefined
      : compileFor(ctx.state, ctx.user, currentJql);
  const inCurrent =
    currentQuery === undefined ? [] : candidates.filter((issue) => currentQuery.matches(issue));
  return json(200, {
    sections: [
      section("hs", "History Search", candidates, text, words),
      section("cs", "Current Search", inCurrent, text, words),
    ],
  });
}
