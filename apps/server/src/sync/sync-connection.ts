import { randomUUID } from "node:crypto";
import { isDomainError } from "@goalpost/domain";
import { isJiraError, type JiraClient } from "@goalpost/jira";
import { findConnection } from "../jira-connections/connection.repo.ts";
import { isJiraEnabled } from "../jira-connections/jira-integration.repo.ts";
import { computeItemResult } from "./compute-item-result.ts";
import { storyPointFieldIdsOf } from "./connection-fields.ts";
import {
  clearIssueCache,
  deleteCachedIssues,
  listCachedIssueIds,
  loadCachedIssues,
  saveCachedIssues,
} from "./issue-cache.repo.ts";
import { BASE_ISSUE_FIELDS, type IssueSnapshot, numericFieldsNeeded, toSnapshot } from "./issue-snapshot.ts";
import { deleteUnusedQueries, saveQueryFailure, saveQueryMembers } from "./jira-query.repo.ts";
import { changedSinceJql, combineJqls } from "./jql-text.ts";
import { type LinkedItem, listLinkedItems, markItemsStale, saveItemResult } from "./measured-items.repo.ts";
import { nextDueAfterFailure, nextDueAfterSuccess } from "./next-due.ts";
import { openSyncClient } from "./open-sync-client.ts";
import type { SyncDeps } from "./sync-deps.ts";
import { type SyncFailure, syncFailureOf } from "./sync-outcome.ts";
import {
  acquireSyncLease,
  recordSyncFailure,
  recordSyncSuccess,
  releaseSyncLease,
  renewSyncLease,
  type SyncStateRow,
} from "./sync-state.repo.ts";

/** Minutes added to the change window: covers clock drift between Goalpost and Jira. */
export const CHANGE_SKEW_MINUTES = 5;
/** How long a sync's lease lasts unless renewed (a dead process frees the connection after this). */
export const DEFAULT_LEASE_MS = 120_000;
/** Membership searches run at most this many at a time (the site limiter bounds the process too). */
const MEMBERSHIP_CONCURRENCY = 4;

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
 * those of one query (`jql`: an edit or a refresh). At the lowest cost to Jira:
 * 1. membership: ids only for each distinct JQL (up to 5000 per page), identical JQLs read once;
 * 2. changes: one search (`(q1) OR (q2) … AND updated >= -Nm`) for issues changed since the last full sync;
 * 3. new members not in the cache: `issue/bulkfetch`.
 * The cache then holds exactly the members of the connection's queries (a full sync prunes the rest), and
 * each item's value is computed from it. A changed value writes a check-in by "Jira".
 * Failures keep the last good values: a failed query marks its items stale with Jira's message; a failed
 * connection marks every item stale and backs off; refused credentials mark the connection broken.
 */
export async function syncConnection(
  deps: SyncDeps & { syncLeaseMs?: number },
  input: { connectionId: string; jql?: string },
): Promise<SyncRun> {
  const { db, connectionId } = { db: deps.db, connectionId: input.connectionId };
  const owner = randomUUID();
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
    const stored = await findConnection(db, connectionId);
    if (!stored) return idle;
    if (!(await isJiraEnabled(db, stored.row.orgId))) return { ...idle, outcome: "disabled" };
    const full = input.jql === undefined;
    const items = await listLinkedItems(db, connectionId, input.jql);
    if (items.length === 0) {
      if (full) await forgetEverything(deps, state, startedAt);
      return idle;
    }
    const jira = openSyncClient(deps.jira, {
      baseUrl: stored.row.baseUrl,
      email: stored.row.email,
      apiToken: deps.box.open(stored.row.apiTokenSealed),
    });
    try {
      const run = await readAndCompute(deps, {
        state,
        items,
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
    full: boolean;
    startedAt: Date;
    client: JiraClient;
    renew: () => Promise<void>;
    connection: Parameters<typeof storyPointFieldIdsOf>[1];
  },
): Promise<{ numericFields: string[]; itemsSynced: number; queryFailures: number }> {
  const { db } = deps;
  const { state, items, full, startedAt, client } = input;
  const connectionId = state.connectionId;
  const storyPointFieldIds = await storyPointFieldIdsOf(db, input.connection, client, startedAt);
  const numericFields = numericFieldsNeeded(
    storyPointFieldIds,
    items.map((item) => item.dataSource.metric),
  );
  const cacheHoldsFields = numericFields.every((field) => state.cachedFields.includes(field));
  if (!cacheHoldsFields && full) await clearIssueCache(db, connectionId);
  const cursor = cacheHoldsFields ? state.changeCursorAt : null;
  const requested = [...BASE_ISSUE_FIELDS, ...numericFields];
  const jqls = [...new Set(items.map((item) => item.dataSource.jql))];

  // 1. Membership, ids only.
  const members = new Map<string, string[]>();
  const queryFailures = new Map<string, SyncFailure>();
  await eachWithConcurrency(jqls, MEMBERSHIP_CONCURRENCY, async (jql) => {
    try {
      members.set(jql, await client.searchIds(jql));
    } catch (error) {
      if (!isJiraError(error)) throw error;
      const failure = syncFailureOf(error);
      if (failure.action !== "report") throw error;
      queryFailures.set(jql, failure);
    }
    await input.renew();
  });
  const memberIds = new Set([...members.values()].flat());

  // 2. Issues changed since the last full sync, over every query at once.
  const fetched: IssueSnapshot[] = [];
  const readJqls = jqls.filter((jql) => members.has(jql));
  if (cursor && readJqls.length > 0) {
    const minutes = (startedAt.getTime() - cursor.getTime()) / 60_000 + CHANGE_SKEW_MINUTES;
    const suffix = changedSinceJql("", minutes).slice(2);
    for (const combined of combineJqls(readJqls, suffix)) {
      const changed = await client.searchIssues(changedSinceJql(combined, minutes), requested);
      fetched.push(
        ...changed
          .filter((issue) => memberIds.has(issue.id))
          .map((issue) => toSnapshot(issue, numericFields)),
      );
      await input.renew();
    }
  }

  // 3. Members the cache lacks (all of them when there is no usable cache position).
  const cached = await listCachedIssueIds(db, connectionId);
  const fetchedIds = new Set(fetched.map((snapshot) => snapshot.issueId));
  const missing = [...memberIds].filter((id) => !fetchedIds.has(id) && (cursor === null || !cached.has(id)));
  if (missing.length > 0) {
    const issues = await client.bulkFetch(missing, requested);
    fetched.push(...issues.map((issue) => toSnapshot(issue, numericFields)));
  }
  await input.renew();

  const now = deps.now();
  await saveCachedIssues(db, connectionId, fetched, now);
  if (full) {
    await deleteCachedIssues(
      db,
      connectionId,
      [...cached].filter((id) => !memberIds.has(id)),
    );
    await deleteUnusedQueries(db, connectionId, jqls);
  }
  for (const [jql, issueIds] of members)
    await saveQueryMembers(db, { connectionId, jql, issueIds, syncedAt: now });
  for (const [jql, failure] of queryFailures)
    await saveQueryFailure(db, { connectionId, jql, failure, at: now });

  // 4. Each item's value from the cache.
  const cache = await loadCachedIssues(db, connectionId, [...memberIds]);
  let itemsSynced = 0;
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
      await saveItemResult(db, item, result, now);
      itemsSynced += 1;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await markItemsStale(db, [item], { code: error.code, message: error.message }, now);
    }
  }
  return { numericFields, itemsSynced, queryFailures: queryFailures.size };
}

/** Runs `task` over `items`, at most `concurrency` at a time; the first failure stops new tasks and is thrown. */
async function eachWithConcurrency<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(concurrency, items.length) }, worker),
  );
  const rejected = results.find((result) => result.status === "rejected");
  if (rejected) throw rejected.reason;
}
