/** Logging work as Jira does: a worklog, time spent up, remaining estimate down (auto-adjust), a changelog entry. */

import { updateIssue } from "./issue-writer.ts";
import { formatJiraDateTime } from "./jira-format.ts";
import type { SiteStore } from "./site-store.ts";
import type { ChangelogHistory, SiteUser, SiteWorklog, StoredIssue } from "./types.ts";

/** How the remaining estimate changes (`adjustEstimate` of `POST /issue/{key}/worklog`). */
export type AdjustEstimate =
  | { mode: "auto" }
  | { mode: "leave" }
  | { mode: "new"; seconds: number }
  | { mode: "manual"; reduceBySeconds: number };

/** Adds a worklog to the issue and returns it with the changelog history it produced. */
export function logWork(
  store: SiteStore,
  issue: StoredIssue,
  input: {
    author: SiteUser;
    started: Date;
    timeSpentSeconds: number;
    at: Date;
    comment?: unknown;
    adjust?: AdjustEstimate;
  },
): { worklog: SiteWorklog; history: ChangelogHistory | undefined } {
  const worklog: SiteWorklog = {
    id: String(store.nextId("worklog")),
    issueId: issue.id,
    authorAccountId: input.author.accountId,
    started: formatJiraDateTime(input.started),
    created: formatJiraDateTime(input.at),
    updated: formatJiraDateTime(input.at),
    timeSpentSeconds: input.timeSpentSeconds,
    ...(input.comment === undefined ? {} : { comment: input.comment }),
  };
  let list = store.worklogsByIssue.get(issue.id);
  if (list === undefined) {
    list = [];
    store.worklogsByIssue.set(issue.id, list);
  }
  list.push(worklog);
  const spent = typeof issue.fields.timespent === "number" ? issue.fields.timespent : 0;
  const remaining = typeof issue.fields.timeestimate === "number" ? issue.fields.timeestimate : null;
  const adjust = input.adjust ?? { mode: "auto" };
  let newRemaining = remaining;
  if (adjust.mode === "auto" && remaining !== null)
    newRemaining = Math.max(0, remaining - input.timeSpentSeconds);
  if (adjust.mode === "new") newRemaining = adjust.seconds;
  if (adjust.mode === "manual") newRemaining = Math.max(0, (remaining ?? 0) - adjust.reduceBySeconds);
  const changes: Record<string, unknown> = { timespent: spent + input.timeSpentSeconds };
  if (newRemaining !== remaining) changes.timeestimate = newRemaining;
  const history = updateIssue(store, issue, changes, input.author, input.at, [
    {
      field: "WorklogId",
      fieldtype: "jira",
      from: null,
      fromString: null,
      to: worklog.id,
      toString: worklog.id,
    },
  ]);
  return { worklog, history };
}
