import { issueLinksOf } from "@goalpost/jira";
import { findConnection } from "../jira-connections/connection.repo.ts";
import { connectionCredentials } from "../jira-connections/connection-credentials.ts";
import { jiraAccessIfEnabled } from "../jira-connections/org-jira-gate.ts";
import { listCachedIssueStamps } from "../sync/issue-cache.repo.ts";
import { openSyncClient } from "../sync/open-sync-client.ts";
import { type PendingChange, recordPendingChanges } from "../sync/pending-changes.repo.ts";
import type { SyncDeps } from "../sync/sync-deps.ts";
import { findProbeCursor, saveProbe } from "./change-probe.repo.ts";
import { listCachedProjectKeys, projectFilterJql } from "./suggested-jql.ts";

/** Minutes of `updated` the probe looks back: its period plus room for clock skew and a late probe. */
export const PROBE_WINDOW_MINUTES = 5;

/** Issues one probe reads at most (ids, `updated` and `parent`): a busier minute means "something changed", unsaid what. */
const PROBE_PAGE = 100;

/** What one probe found. */
export interface ProbeResult {
  /** Whether something changed since the last probe (a re-sync is then due). */
  changed: boolean;
  /** Jira requests sent (1, or 0 when there was nothing to ask). */
  requests: number;
}

/**
 * The change probe of one connection: one search for issues of the projects its items read updated in the
 * last few minutes, ids, `updated` and `parent`. An issue updated after the newest one the previous probe saw —
 * or, on the first probe, one whose `updated` differs from the cached copy — means a re-sync is due. Jira
 * failures are left to the scheduled sync (and its backoff): the probe just says nothing changed.
 */
export async function probeChanges(deps: SyncDeps, connectionId: string): Promise<ProbeResult> {
  const stored = await findConnection(deps.db, connectionId);
  if (!stored) return { changed: false, requests: 0 };
  const access = await jiraAccessIfEnabled(deps, stored.row.orgId);
  if (!access) return { changed: false, requests: 0 };
  const filter = projectFilterJql(await listCachedProjectKeys(deps.db, connectionId));
  if (!filter) return { changed: false, requests: 0 };
  const jira = openSyncClient(access, connectionCredentials(deps.box, stored.row));
  const jql = `${filter} AND updated >= -${PROBE_WINDOW_MINUTES}m ORDER BY updated DESC`;
  let issues: { id: string; updated: Date | null; raw: string | null; change: PendingChange }[];
  try {
    const found = await jira.client.searchIssues(jql, ["updated", "parent"], {
      pageSize: PROBE_PAGE,
      limit: PROBE_PAGE,
    });
    issues = found.map((issue) => {
      const raw = typeof issue.fields.updated === "string" ? issue.fields.updated : null;
      const parent = issueLinksOf(issue, null).parentKey;
      return {
        id: issue.id,
        raw,
        updated: raw === null ? null : new Date(raw),
        change: { issueId: issue.id, issueKey: issue.key ?? null, parentKey: parent },
      };
    });
  } catch (error) {
    deps.logger.debug({ connectionId, err: error }, "change probe failed; the scheduled sync will tell");
    return { changed: false, requests: jira.requests() };
  }
  const cursor = await findProbeCursor(deps.db, connectionId);
  const newest = issues.reduce<Date | null>(
    (max, issue) => (issue.updated && (!max || issue.updated > max) ? issue.updated : max),
    cursor,
  );
  let changedIssues: typeof issues;
  if (cursor) {
    changedIssues = issues.filter((issue) => issue.updated === null || issue.updated > cursor);
  } else {
    const stamps = await listCachedIssueStamps(deps.db, connectionId);
    changedIssues = issues.filter((issue) => stamps.get(issue.id) !== issue.raw);
  }
  const changed = changedIssues.length > 0;
  // A full page may hide more changes: then "something changed" without saying what (every query is read).
  const unknown = issues.length >= PROBE_PAGE ? [{ issueId: null, issueKey: null, parentKey: null }] : [];
  if (changed) {
    await recordPendingChanges(
      deps.db,
      connectionId,
      [...changedIssues.map((issue) => issue.change), ...unknown],
      deps.now(),
    );
  }
  await saveProbe(deps.db, {
    connectionId,
    seenUpTo: newest,
    probedAt: deps.now(),
    requests: jira.requests(),
  });
  return { changed, requests: jira.requests() };
}
