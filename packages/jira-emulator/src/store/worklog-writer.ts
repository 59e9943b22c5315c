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

/** How the remaining estimate changes when a worklog is deleted (`adjustEstimate` of `DELETE …/worklog/{id}`). */
export type AdjustOnDelete =
  | { mode: "auto" }
  | { mode: "leave" }
  | { mode: "new"; seconds: number }
  | { mode: "manual"; increaseBySeconds: number };

function remainingOf(issue: StoredIssue): number | null {
  return typeof issue.fields.timeestimate === "number" ? issue.fields.timeestimate : null;
}

function spentOf(issue: StoredIssue): number {
  return typeof issue.fields.timespent === "number" ? issue.fields.timespent : 0;
}

/**
 * Changes a worklog's time, start or comment. Time spent moves by the difference; with `auto` the remaining
 * estimate moves the other way (never below 0), as Jira does.
 */
export function changeWorklog(
  store: SiteStore,
  issue: StoredIssue,
  worklog: SiteWorklog,
  input: {
    author: SiteUser;
    at: Date;
    timeSpentSeconds?: number;
    started?: Date;
    comment?: unknown;
    adjust: { mode: "auto" } | { mode: "leave" } | { mode: "new"; seconds: number };
  },
): ChangelogHistory | undefined {
  const delta = (input.timeSpentSeconds ?? worklog.timeSpentSeconds) - worklog.timeSpentSeconds;
  if (input.timeSpentSeconds !== undefined) worklog.timeSpentSeconds = input.timeSpentSeconds;
  if (input.started !== undefined) worklog.started = formatJiraDateTime(input.started);
  if (input.comment !== undefined) worklog.comment = input.comment;
  worklog.updated = formatJiraDateTime(input.at);
  worklog.updateAuthorAccountId = input.author.accountId;
  const remaining = remainingOf(issue);
  let newRemaining = remaining;
  if (input.adjust.mode === "auto" && remaining !== null) newRemaining = Math.max(0, remaining - delta);
  if (input.adjust.mode === "new") newRemaining = input.adjust.seconds;
  const changes: Record<string, unknown> = {};
  if (delta !== 0) changes.timespent = spentOf(issue) + delta;
  if (newRemaining !== remaining) changes.timeestimate = newRemaining;
  return updateIssue(store, issue, changes, input.author, input.at);
}

/** Deletes a worklog: time spent goes down; the remaining estimate per `adjust` (auto: back up by the time). */
export function removeWorklog(
  store: SiteStore,
  issue: StoredIssue,
  worklog: SiteWorklog,
  input: { author: SiteUser; at: Date; adjust: AdjustOnDelete },
): ChangelogHistory | undefined {
  const list = store.worklogsByIssue.get(issue.id) ?? [];
  const index = list.indexOf(worklog);
  if (index >= 0) list.splice(index, 1);
  const remaining = remainingOf(issue);
  let newRemaining = remaining;
  if (input.adjust.mode === "auto" && remaining !== null) newRemaining = remaining + worklog.timeSpentSeconds;
  if (input.adjust.mode === "new") newRemaining = input.adjust.seconds;
  if (input.adjust.mode === "manual") newRemaining = (remaining ?? 0) + input.adjust.increaseBySeconds;
  const spent = spentOf(issue) - worklog.timeSpentSeconds;
  const changes: Record<string, unknown> = { timespent: spent > 0 ? spent : null };
  if (newRemaining !== remaining) changes.timeestimate = newRemaining;
  return updateIssue(store, issue, changes, input.author, input.at, [
    {
      field: "WorklogId",
      fieldtype: "jira",
      from: worklog.id,
      fromString: worklog.id,
      to: null,
      toString: null,
    },
  ]);
}
