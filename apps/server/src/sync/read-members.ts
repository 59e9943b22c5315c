import { isJiraError, type JiraClient } from "@goalpost/jira";
import { type IssueSnapshot, toSnapshot } from "./issue-snapshot.ts";
import { changedSinceJql, combineJqls } from "./jql-text.ts";
import type { QueryReadPlan } from "./plan-query-reads.ts";
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

/**
 * Reads the members of the connection's queries per `plan`, then fetches every member that is new to the
 * cache or changed since its cached copy — at the fewest requests (see {@link QueryReadPlan}). A query Jira
 * rejects is reported in `failures`; any other Jira failure is thrown (the whole sync fails).
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
  },
): Promise<MembersRead> {
  const { plan, fields, numericFields, cached } = input;
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
  const tasks = [
    ...plan.full.map(
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
    ...plan.stamped.map(
      (jql) => async () =>
        reportable(jql, async () => {
          const issues = await client.searchIssues(jql, ["updated"]);
          read.members.set(
            jql,
            issues.map((issue) => issue.id),
          );
          for (const issue of issues) {
            if (!cached.has(issue.id) || cached.get(issue.id) !== issue.fields.updated) stale.add(issue.id);
          }
        }),
    ),
    ...plan.idsOnly.map(
      (jql) => async () =>
        reportable(jql, async () => {
          const ids = await client.searchIds(jql);
          read.members.set(jql, ids);
          for (const id of ids) if (!cached.has(id)) stale.add(id);
        }),
    ),
  ];
  await runWithConcurrency(tasks, CONCURRENCY);

  const memberIds = new Set([...read.members.values()].flat());
  const large = plan.idsOnly.filter((jql) => read.members.has(jql));
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
