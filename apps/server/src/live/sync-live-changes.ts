import { listQueryStates } from "../sync/jira-query.repo.ts";
import { listLinkedEpics } from "../sync/linked-epics.repo.ts";
import { listLinkedItems } from "../sync/measured-items.repo.ts";
import { consumePendingChanges, listPendingChanges } from "../sync/pending-changes.repo.ts";
import { type SyncRun, syncConnection } from "../sync/sync-connection.ts";
import type { SyncDeps } from "../sync/sync-deps.ts";
import { EPIC_GONE, epicChildrenJqls } from "../sync/sync-epics.ts";
import { affectedQueries } from "./affected-queries.ts";

/** A live re-sync's run, with how many of the connection's queries it read (`all`: every one). */
export type LiveSyncRun = SyncRun & { queriesRead: number | "all" };

/**
 * The targeted re-sync of a connection after Jira reported changed issues (webhook deliveries, the change
 * probe): only the queries those issues can affect ({@link affectedQueries}) — key results', objectives' and
 * the children queries of portfolio epics read through the connection — are read, plus any query never
 * tried yet; nothing at all when none is affected. A query Jira refused at every read so far (its project or
 * epic deleted) counts as matching nothing: it is read again only for a change that can concern it. Too many waiting changes → every query. The changes it read
 * are then forgotten (kept when the sync failed or the connection was busy, for its retry).
 */
export async function syncLiveChanges(
  deps: SyncDeps,
  input: { connectionId: string; leaseOwner?: string },
): Promise<LiveSyncRun> {
  const { db } = deps;
  const upTo = deps.now();
  const changes = await listPendingChanges(db, input.connectionId, upTo);
  let jqls: string[] | undefined;
  if (changes !== null) {
    const { read, refused } = await listQueryStates(db, input.connectionId);
    // Portfolio epics read through the connection are epic queries too, in the form the sync read them.
    const epics = (await listLinkedEpics(db, input.connectionId)).map((epic) => ({
      ...epic,
      jql: epicChildrenJqls(epic.epicKey).find((jql) => read.has(jql)) ?? epicChildrenJqls(epic.epicKey)[0],
    }));
    // An epic Jira no longer shows was never read either: refused, like a query Jira answers with a 400.
    for (const epic of epics)
      if (epic.staleCode === EPIC_GONE.code && !read.has(epic.jql)) refused.add(epic.jql);
    const linked = [
      ...new Set([
        ...(await listLinkedItems(db, input.connectionId)).map((item) => item.dataSource.jql),
        ...epics.map((epic) => epic.jql),
      ]),
    ];
    const tried = (jql: string) => read.has(jql) || refused.has(jql);
    jqls = [
      ...affectedQueries(
        changes,
        linked.filter(tried).map((jql) => ({ jql, memberIds: read.get(jql)?.issueIds ?? [] })),
      ),
      ...linked.filter((jql) => !tried(jql)),
    ];
    if (jqls.length === 0) {
      await consumePendingChanges(db, input.connectionId, upTo);
      return { outcome: "idle", requests: 0, itemsSynced: 0, queryFailures: 0, queriesRead: 0 };
    }
  }
  const run = await syncConnection(deps, {
    connectionId: input.connectionId,
    ...(input.leaseOwner === undefined ? {} : { leaseOwner: input.leaseOwner }),
    ...(jqls === undefined ? {} : { jqls }),
  });
  if (run.outcome !== "busy" && run.outcome !== "failed") {
    await consumePendingChanges(db, input.connectionId, upTo);
  }
  return { ...run, queriesRead: jqls?.length ?? "all" };
}
