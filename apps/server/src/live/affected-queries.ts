import { parseEpicQuery } from "../sync/epic-queries.ts";
import type { PendingChange } from "../sync/pending-changes.repo.ts";
import { jqlProjectScope } from "./jql-project-scope.ts";

/** A query of the connection, with the ids of its members as last read. */
export interface KnownQuery {
  jql: string;
  memberIds: readonly string[];
}

/** `AE` for `AE-12`. */
export function projectOfKey(key: string): string {
  return key.slice(0, key.lastIndexOf("-")).toUpperCase();
}

/**
 * The queries a set of changed issues can affect — what a live re-sync reads instead of every query:
 * - a query an issue is a member of (it may have left, or its numbers changed);
 * - an epic query (`parent = K`, `"Epic Link" = K`) whose epic is the issue's parent, or in the issue's project;
 * - a query bounded to projects ({@link jqlProjectScope}) that include the issue's project;
 * - every other query (unbounded, or never read): any change may affect it.
 * A change with no issue key (an event Jira sent without its issue) affects every query.
 * @example affectedQueries([{ issueId: "1", issueKey: "OPS-1", parentKey: null }], [{ jql: "project = AE", memberIds: [] }]) // []
 */
export function affectedQueries(changes: readonly PendingChange[], queries: readonly KnownQuery[]): string[] {
  if (changes.length === 0) return [];
  if (changes.some((change) => change.issueKey === null)) return queries.map((query) => query.jql);
  const ids = new Set(changes.flatMap((change) => (change.issueId === null ? [] : [change.issueId])));
  const projects = new Set(changes.map((change) => projectOfKey(change.issueKey as string)));
  const parents = new Set(
    changes.flatMap((change) => (change.parentKey ? [change.parentKey.toUpperCase()] : [])),
  );
  return queries
    .filter((query) => {
      if (query.memberIds.some((id) => ids.has(id))) return true;
      const epic = parseEpicQuery(query.jql);
      if (epic) return epic.keys.some((key) => parents.has(key) || projects.has(projectOfKey(key)));
      const scope = jqlProjectScope(query.jql);
      return scope === null || scope.some((project) => projects.has(project));
    })
    .map((query) => query.jql);
}
