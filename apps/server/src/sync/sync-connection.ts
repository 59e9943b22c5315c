import { randomUUID } from "node:crypto";
import { isDomainError } from "@goalpost/domain";
import { isJiraError, type JiraClient } from "@goalpost/jira";
import { findConnection } from "../jira-connections/connection.repo.ts";
import { connectionCredentials } from "../jira-connections/connection-credentials.ts";
import { jiraAccessIfEnabled } from "../jira-connections/org-jira-gate.ts";
import { confirmItems, markItemsStale, saveItemResult } from "../measured/measured-item.repo.ts";
import { computeItemResult } from "./compute-item-result.ts";
import { siteFieldsOf } from "./connection-fields.ts";
import { type EpicQuery, parseEpicQuery } from "./epic-queries.ts";
import {
  clearIssueCache,
  deleteCachedIssues,
  listCachedIssueStamps,
  loadCachedIssues,
  saveCachedIssues,
} from "./issue-cache.repo.ts";
import { BASE_ISSUE_FIELDS, numericFieldsNeeded } from "./issue-snapshot.ts";
import {
  deleteUnusedQueries,
  listQueryMembers,
  saveQueryFailure,
  saveQueryMembers,
  touchQueries,
} from "./jira-query.repo.ts";
import { type LinkedEpic, listLinkedEpics, markEpicsStale } from "./linked-epics.repo.ts";
import { isSameResult, type LinkedItem, listLinkedItems } from "./measured-items.repo.ts";
import { nextDueAfterFailure, nextDueAfterSuccess } from "./next-due.ts";
import { openSyncClient } from "./open-sync-client.ts";
import { consumePendingChanges } from "./pending-changes.repo.ts";
import { planQueryReads } from "./plan-query-reads.ts";
import { readMembers } from "./read-members.ts";
import type { SyncDeps } from "./sync-deps.ts";
import { epicChildrenJql, epicsTargeted, readEpicIssues, saveEpicResults } from "./sync-epics.ts";
import { type SyncFailure, syncFailureOf } from "./sync-outcome.ts";
import {
  acquireSyncLease,
  recordSyncFailure,
  recordSyncSuccess,
  releaseSyncLease,
  renewSyncLease,
  type SyncStateRow,
} from "./sync-state.repo.ts";

/** How long a sync's lease lasts unless renewed (a dead process frees the connection after this). */
export const DEFAULT_LEASE_MS = 60_000;

/** How a sync ended. */
export type SyncRunOutcome =
  /** Values are up to date (some queries may have failed: see `queryFailures`). */
  | "synced"
  /** Another sync holds the connection; nothing was done. */
  | "busy"
  /** Jira failed; last good values kept, items stale, retried later. */
  | "failed"
  /** Jira refused the credentials or address; no call until the connection is edited. */
  | "broken"
  /** No Jira-linked item uses the connection (or it is gone). */
  | "idle"
  /** The org's Jira integration is off. */
  | "disabled";

/** The result of one sync. */
export interface SyncRun {
  outcome: SyncRunOutcome;
  /** HTTP requests sent to Jira. */
  requests: number;
  /** Items whose value was computed (changed or not). */
  itemsSynced: number;
  failure?: SyncFailure;
  queryFailures: number;
}

/**
 * Syncs the Jira-linked items of one connection — all of them (`jql` omitted: the scheduled full sync) or
 * those of one query (`jql`: an edit or a refresh). Identical JQLs are read once, at the lowest cost to
 * Jira (see {@link planQueryReads} and {@link readMembers}): new queries in one search with their fields;
 * small known queries with `updated` stamps (no other request when nothing changed); large ones by ids
 * (5000 per page) plus one OR-ed `updated >= -Nm` search; new or changed members by `issue/bulkfetch`.
 * The cache then holds exactly the members of the connection's queries (a full sync prunes the rest), and
 * each item's value is computed from it. A changed value writes a check-in by "Jira".
 * Failures keep the last good values: a failed query marks its items stale with Jira's message; a failed
 * connection marks every item stale and backs off; refused credentials mark the connection broken.
 * A full sync also reads the epics linked to initiatives of portfolios reading through the connection: the
 * epics themselves in one `issue/bulkfetch`, their children as epic queries in the same batch as the key
 * results' (see sync-epics.ts).
 */
export async function syncConnection(
  deps: SyncDeps & { syncLeaseMs?: number },
  input: {
    connectionId: string;
    jql?: string;
    /** Several queries (a live re-sync of what changed issues can affect); like `jql`, not a full sync. */
    jqls?: readonly string[];
    /**
     * Who holds the lease: a queue job passes its own id, so its retry after its worker died takes the
     * lease back at once instead of waiting for it to expire.
     */
    leaseOwner?: string;
    /** Do nothing unless the connection is due (its next due time has come). */
    onlyIfDue?: boolean;
  },
): Promise<SyncRun> {
  const { db, connectionId } = { db: deps.db, connectionId: input.connectionId };
  const owner = input.leaseOwner ?? randomUUID();
  const leaseMs = deps.syncLeaseMs ?? DEFAULT_LEASE_MS;
  const startedAt = deps.now();
  const state = await acquireSyncLease(db, { connectionId, owner, now: startedAt, leaseMs });
  const idle: SyncRun = { outcome: "idle", requests: 0, itemsSynced: 0, queryFailures: 0 };
  if (!state) return { ...idle, outcome: "busy" };
  let lastRenewal = startedAt.getTime();
  const renew = async () => {
    const now = deps.now();
    if (now.getTime() - lastRenewal < leaseMs / 3) return;
    lastRenewal = now.getTime();
    await renewSyncLease(db, { connectionId, owner, now, leaseMs });
  };
  try {
    if (state.brokenAt) return { ...idle, outcome: "broken" };
    if (input.onlyIfDue && state.nextDueAt.getTime() > startedAt.getTime()) return idle;
    const stored = await findConnection(db, connectionId);
    if (!stored) return idle;
    const access = await jiraAccessIfEnabled(deps, stored.row.orgId);
    if (!access) return { ...idle, outcome: "disabled" };
    const full = input.jql === undefined && input.jqls === undefined;
    const targets = input.jqls ?? (input.jql === undefined ? undefined : [input.jql]);
    const items = await listLinkedItems(db, connectionId, targets);
    // Epics: every one in a full sync; in a targeted one, those whose children's query is a target.
    const epics = epicsTargeted(await listLinkedEpics(db, connectionId), targets);
    if (items.length === 0 && epics.length === 0) {
      if (full) await forgetEverything(deps, state, startedAt);
      return idle;
    }
    const jira = openSyncClient(access, connectionCredentials(deps.box, stored.row));
    try {
      const run = await readAndCompute(deps, {
        state,
        items,
        epics,
        full,
        startedAt,
        client: jira.client,
        renew,
        connection: stored.row,
      });
      await recordSyncSuccess(db, {
        connectionId,
        startedAt,
        finishedAt: deps.now(),
        full: full
          ? {
              nextDueAt: nextDueAfterSuccess(startedAt, deps.syncIntervalMinutes),
              cachedFields: run.numericFields,
            }
          : null,
        requestCount: jira.requests(),
      });
      // Changes Jira reported before this full sync started are read now: live re-syncs need not.
      if (full) await consumePendingChanges(db, connectionId, startedAt);
      return {
        outcome: "synced",
        requests: jira.requests(),
        itemsSynced: run.itemsSynced,
        queryFailures: run.queryFailures,
      };
    } catch (error) {
      if (!isJiraError(error)) throw error;
      const failure = syncFailureOf(error);
      const now = deps.now();
      await recordSyncFailure(db, {
        connectionId,
        startedAt,
        failure,
        nextDueAt: nextDueAfterFailure(
          now,
          state.failureCount + 1,
          deps.syncIntervalMinutes,
          failure.retryAfterSeconds,
        ),
        requestCount: jira.requests(),
      });
      const affected = failure.action === "stop" && !full ? await listLinkedItems(db, connectionId) : items;
      await markItemsStale(db, affected, failure, now);
      await markEpicsStale(
        db,
        connectionId,
        failure,
        now,
        full || failure.action === "stop" ? undefined : epics.map((epic) => epic.epicKey),
      );
      deps.logger.warn({ connectionId, code: failure.code, requests: jira.requests() }, "Jira sync failed");
      return {
        outcome: failure.action === "stop" ? "broken" : "failed",
        requests: jira.requests(),
        itemsSynced: 0,
        failure,
        queryFailures: 0,
      };
    }
  } finally {
    await releaseSyncLease(db, { connectionId, owner });
  }
}

/** No item reads Jira through the connection any more: drop its queries and cache. */
async function forgetEverything(deps: SyncDeps, state: SyncStateRow, startedAt: Date): Promise<void> {
  await deleteUnusedQueries(deps.db, state.connectionId, []);
  await clearIssueCache(deps.db, state.connectionId);
  await recordSyncSuccess(deps.db, {
    connectionId: state.connectionId,
    startedAt,
    finishedAt: deps.now(),
    full: { nextDueAt: nextDueAfterSuccess(startedAt, deps.syncIntervalMinutes), cachedFields: [] },
    requestCount: 0,
  });
}

async function readAndCompute(
  deps: SyncDeps,
  input: {
    state: SyncStateRow;
    items: LinkedItem[];
    epics: LinkedEpic[];
    full: boolean;
    startedAt: Date;
    client: JiraClient;
    renew: () => Promise<void>;
    connection: Parameters<typeof siteFieldsOf>[1];
  },
): Promise<{ numericFields: string[]; itemsSynced: number; queryFailures: number }> {
  const { db } = deps;
  const { state, items, full, startedAt, client } = input;
  const connectionId = state.connectionId;
  const { storyPointFieldIds, epicLinkFieldId } = await siteFieldsOf(db, input.connection, client, startedAt);
  const numericFields = numericFieldsNeeded(
    storyPointFieldIds,
    items.map((item) => item.dataSource.metric),
  );
  const cacheHoldsFields = numericFields.every((field) => state.cachedFields.includes(field));
  if (!cacheHoldsFields && full) await clearIssueCache(db, connectionId);
  const cacheUsable = cacheHoldsFields && state.changeCursorAt !== null;
  // Linked epics: the epics themselves first, then the children of those Jira still shows, as epic queries.
  const epicIssues =
    input.epics.length > 0
      ? await readEpicIssues(db, client, { connectionId, epics: input.epics, checkProjects: full })
      : null;
  const epicJqls = [...(epicIssues?.found.keys() ?? [])].map((key) => epicChildrenJql(key, epicLinkFieldId));
  const jqls = [...new Set([...items.map((item) => item.dataSource.jql), ...epicJqls])];
  const cached = await listCachedIssueStamps(db, connectionId);
  const previous = await listQueryMembers(db, connectionId);
  const sizes = new Map([...previous].map(([jql, query]) => [jql, query.issueIds.length]));
  // Epic-shaped queries are read together in one batch; the others each by its own plan.
  const epicQueries = jqls
    .map(parseEpicQuery)
    .filter((query): query is EpicQuery => query !== null)
    .filter((query) => query.field === "parent" || epicLinkFieldId !== null);
  const batched = new Set(epicQueries.map((query) => query.jql));
  const plan = planQueryReads(
    jqls.filter((jql) => !batched.has(jql)),
    sizes,
    cacheUsable,
  );
  const {
    members,
    failures: queryFailures,
    fetched,
  } = await readMembers(client, {
    plan,
    fields: [...BASE_ISSUE_FIELDS, ...numericFields],
    numericFields,
    cached,
    changeCursorAt: cacheUsable ? state.changeCursorAt : null,
    epics: { queries: epicQueries, epicLinkFieldId, cacheUsable, lastSizes: sizes },
    now: startedAt,
    renew: input.renew,
  });
  const memberIds = new Set([...members.values()].flat());

  const now = deps.now();
  await saveCachedIssues(db, connectionId, fetched, now);
  if (full) {
    await deleteCachedIssues(
      db,
      connectionId,
      [...cached.keys()].filter((id) => !memberIds.has(id)),
    );
    await deleteUnusedQueries(db, connectionId, jqls);
  }
  const unchangedQueries: string[] = [];
  for (const [jql, issueIds] of members) {
    const before = previous.get(jql);
    if (before && !before.failing && sameMembers(before.issueIds, issueIds)) unchangedQueries.push(jql);
    else await saveQueryMembers(db, { connectionId, jql, issueIds, syncedAt: now });
  }
  await touchQueries(db, { connectionId, jqls: unchangedQueries, syncedAt: now });
  for (const [jql, failure] of queryFailures)
    await saveQueryFailure(db, { connectionId, jql, failure, at: now });

  // Each item's value from the cache.
  const cache = await loadCachedIssues(db, connectionId, [...memberIds]);
  let itemsSynced = 0;
  const confirmed: LinkedItem[] = [];
  for (const item of items) {
    const failure = queryFailures.get(item.dataSource.jql);
    if (failure) {
      await markItemsStale(db, [item], failure, now);
      continue;
    }
    try {
      const result = computeItemResult({
        members: members.get(item.dataSource.jql) ?? [],
        cache,
        metric: item.dataSource.metric,
        measure: item.measure,
        storyPointFieldIds,
      });
      if (isSameResult(item, result)) confirmed.push(item);
      else await saveItemResult(db, item, result, now);
      itemsSynced += 1;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await markItemsStale(db, [item], { code: error.code, message: error.message }, now);
    }
  }
  await confirmItems(db, confirmed, now);
  if (epicIssues) {
    await saveEpicResults(db, {
      connectionId,
      epics: input.epics,
      read: epicIssues,
      epicLinkFieldId,
      members,
      failures: queryFailures,
      cache,
      storyPointFieldIds,
      now,
    });
  }
  return { numericFields, itemsSynced, queryFailures: queryFailures.size };
}

/** Whether two membership lists hold the same ids (order ignored). */
function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
