import { isJiraError, issueLinksOf, type JiraClient, type JiraIssue } from "@goalpost/jira";
import { type EpicQuery, epicBatchJqls, isEpicQueryMember } from "./epic-queries.ts";
import { type IssueSnapshot, toSnapshot } from "./issue-snapshot.ts";
import { changedSinceJql, combineJqls } from "./jql-text.ts";
import { planQueryReads, type QueryReadPlan } from "./plan-query-reads.ts";
import { type SyncFailure, syncFailureOf } from "./sync-outcome.ts";

/** Minutes added to the change window of large queries: covers clock drift between Goalpost and Jira. */
export const CHANGE_SKEW_MINUTES = 5;
/** Searches run at most this many at a time (the site limiter bounds the whole process too). */
const CONCURRENCY = 4;

/** What a sync read from Jira: each query's members (or why it failed) and fresh copies of issues. */
export interface MembersRead {
  members: Map<string, string[]>;
  failures: Map<string, SyncFailure>;
  /** Issues read with every needed field (new, changed, or read in full). */
  fetched: IssueSnapshot[];
}

/** Epic queries read together (see epic-queries.ts), and how to fall back to reading them one by one. */
export interface EpicBatch {
  queries: readonly EpicQuery[];
  /** The site's Epic Link field (null: only `parent` queries are batched). */
  epicLinkFieldId: string | null;
  /** Whether the cache holds every needed field: then the batch reads links and `updated` stamps only. */
  cacheUsable: boolean;
  /** Last member counts per JQL, to plan a fallback read. */
  lastSizes: ReadonlyMap<string, number>;
}

/**
 * Reads the members of the connection's queries per `plan`, then fetches every member that is new to the
 * cache or changed since its cached copy — at the fewest requests (see {@link QueryReadPlan}). Epic queries
 * (`epics`) are read together: one `parent in (…) OR "Epic Link" in (…)` search with the links (and `updated`,
 * or every field on a first read), membership assigned here; when Jira refuses the batch, or returns an issue
 * no query claims (a key Jira resolves differently, such as a deleted or moved epic), those queries are read
 * one by one instead. A query Jira rejects is reported in `failures`; any other Jira failure is thrown (the
 * whole sync fails).
 */
export async function readMembers(
  client: JiraClient,
  input: {
    plan: QueryReadPlan;
    /** Every field a snapshot needs (base + numeric). */
    fields: readonly string[];
    numericFields: readonly string[];
    /** The cache: issue id → Jira `updated` of the copy. */
    cached: ReadonlyMap<string, string | null>;
    /** Start of the last full sync, for the change window of large queries (null: read them whole). */
    changeCursorAt: Date | null;
    now: Date;
    renew: () => Promise<void>;
    epics?: EpicBatch;
  },
): Promise<MembersRead> {
  const { fields, numericFields, cached } = input;
  const fallback: string[] = [];
  const read: MembersRead = { members: new Map(), failures: new Map(), fetched: [] };
  const stale = new Set<string>();
  const reportable = async (jql: string, search: () => Promise<void>) => {
    try {
      await search();
    } catch (error) {
      if (!isJiraError(error)) throw error;
      const failure = syncFailureOf(error);
      if (failure.action !== "report") throw error;
      read.failures.set(jql, failure);
    }
    await input.renew();
  };
  const isStale = (issue: JiraIssue) =>
    !cached.has(issue.id) || cached.get(issue.id) !== issue.fields.updated;
  const batchTasks = epicBatchJqls(input.epics?.queries ?? []).map((batch) => async () => {
    const epics = input.epics as EpicBatch;
    const links = ["parent", ...(epics.epicLinkFieldId === null ? [] : [epics.epicLinkFieldId])];
    // With every field when the cache cannot be used or a query is new (its members are not cached yet).
    const withData = !epics.cacheUsable || batch.queries.some((query) => !epics.lastSizes.has(query.jql));
    let issues: JiraIssue[];
    try {
      issues = await client.searchIssues(
        batch.jql,
        withData ? [...new Set([...fields, ...links])] : [...links, "updated"],
      );
    } catch (error) {
      if (!isJiraError(error) || syncFailureOf(error).action !== "report") throw error;
      fallback.push(...batch.queries.map((query) => query.jql));
      await input.renew();
      return;
    }
    const members = new Map(batch.queries.map((query) => [query.jql, [] as string[]]));
    for (const issue of issues) {
      const issueLinks = issueLinksOf(issue, epics.epicLinkFieldId);
      const claimedBy = batch.queries.filter((query) => isEpicQueryMember(query, issueLinks));
      if (claimedBy.length === 0) {
        fallback.push(...batch.queries.map((query) => query.jql));
        await input.renew();
        return;
      }
      for (const query of claimedBy) members.get(query.jql)?.push(issue.id);
    }
    for (const [jql, ids] of members) read.members.set(jql, ids);
    for (const issue of issues) {
      if (withData) read.fetched.push(toSnapshot(issue, numericFields));
      else if (isStale(issue)) stale.add(issue.id);
    }
    await input.renew();
  });
  await runWithConcurrency([...batchTasks, ...perQueryTasks(input.plan)], CONCURRENCY);
  // Epic queries the batch could not answer, one by one.
  const again = planQueryReads(
    fallback,
    input.epics?.lastSizes ?? new Map(),
    input.epics?.cacheUsable ?? false,
  );
  await runWithConcurrency(perQueryTasks(again), CONCURRENCY);
  const large = [...input.plan.idsOnly, ...again.idsOnly].filter((jql) => read.members.has(jql));

  function perQueryTasks(reads: QueryReadPlan): (() => Promise<void>)[] {
    return [
      ...reads.full.map(
        (jql) => async () =>
          reportable(jql, async () => {
            const issues = await client.searchIssues(jql, fields);
            read.members.set(
              jql,
              issues.map((issue) => issue.id),
            );
            read.fetched.push(...issues.map((issue) => toSnapshot(issue, numericFields)));
          }),
      ),
      ...reads.stamped.map(
        (jql) => async () =>
          reportable(jql, async () => {
            const issues = await client.searchIssues(jql, ["updated"]);
            read.members.set(
              jql,
              issues.map((issue) => issue.id),
            );
            for (const issue of issues) if (isStale(issue)) stale.add(issue.id);
          }),
      ),
      ...reads.idsOnly.map(
        (jql) => async () =>
          reportable(jql, async () => {
            const ids = await client.searchIds(jql);
            read.members.set(jql, ids);
            for (const id of ids) if (!cached.has(id)) stale.add(id);
          }),
      ),
    ];
  }

  const memberIds = new Set([...read.members.values()].flat());
  if (large.length > 0 && input.changeCursorAt) {
    const minutes = (input.now.getTime() - input.changeCursorAt.getTime()) / 60_000 + CHANGE_SKEW_MINUTES;
    const suffix = changedSinceJql("", minutes).slice(2);
    for (const combined of combineJqls(large, suffix)) {
      const changed = await client.searchIssues(changedSinceJql(combined, minutes), fields);
      for (const issue of changed) {
        if (!memberIds.has(issue.id)) continue;
        read.fetched.push(toSnapshot(issue, numericFields));
        stale.delete(issue.id);
      }
      await input.renew();
    }
  } else if (large.length > 0) {
    for (const jql of large) for (const id of read.members.get(jql) ?? []) stale.add(id);
  }
  const fetchedIds = new Set(read.fetched.map((snapshot) => snapshot.issueId));
  const toFetch = [...stale].filter((id) => !fetchedIds.has(id) && memberIds.has(id));
  if (toFetch.length > 0) {
    const issues = await client.bulkFetch(toFetch, fields);
    read.fetched.push(...issues.map((issue) => toSnapshot(issue, numericFields)));
    await input.renew();
  }
  return read;
}

/** Runs the tasks at most `concurrency` at a time; the first failure stops new tasks and is thrown. */
async function runWithConcurrency(
  tasks: readonly (() => Promise<void>)[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < tasks.length) {
      const task = tasks[next] as () => Promise<void>;
      next += 1;
      try {
        await task();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(concurrency, tasks.length) }, worker),
  );
  const rejected = results.find((result) => result.status === "rejected");
  if (rejected) throw rejected.reason;
}
