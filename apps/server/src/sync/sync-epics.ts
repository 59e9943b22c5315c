import { computeEpicProgress, resolveStoryPoints } from "@goalpost/domain";
import { issueBasicsOf, type JiraClient } from "@goalpost/jira";
import type { Db } from "../db/database.ts";
import type { IssueSnapshot } from "./issue-snapshot.ts";
import {
  type EpicResult,
  type LinkedEpic,
  listConnectionProjects,
  markEpicsStale,
  saveEpicResult,
  saveProjectVisibility,
} from "./linked-epics.repo.ts";
import type { SyncFailure } from "./sync-outcome.ts";

/** An epic Jira no longer shows to the connection's account. */
export const EPIC_GONE = {
  code: "jira_epic_not_found",
  message: "Jira no longer shows this epic to the integration's account (deleted, moved, or no permission).",
};

/**
 * The query an epic's children are read by, like a key result's: `"Epic Link" = K` where the site has the
 * Epic Link field (it also holds the children whose parent is K), else `parent = K`. A key result on the same
 * epic shares the read: every such query goes into one batched `parent in (…) OR "Epic Link" in (…)` search.
 * @example epicChildrenJql("AE-786", "customfield_10014") // '"Epic Link" = AE-786'
 */
export function epicChildrenJql(epicKey: string, epicLinkFieldId: string | null): string {
  return epicLinkFieldId === null ? `parent = ${epicKey}` : `"Epic Link" = ${epicKey}`;
}

/**
 * Both forms an epic's children query can take (which one depends on the site's fields, known at sync time).
 * @example epicChildrenJqls("AE-786") // ["parent = AE-786", '"Epic Link" = AE-786']
 */
export function epicChildrenJqls(epicKey: string): [string, string] {
  return [epicChildrenJql(epicKey, null), `"Epic Link" = ${epicKey}`];
}

/**
 * The epics a sync of `targets` reads: all of them for a full sync (`targets` undefined), else those whose
 * children's query is among the targets (a live re-sync of what changed issues can affect).
 */
export function epicsTargeted<T extends { epicKey: string }>(
  epics: readonly T[],
  targets: readonly string[] | undefined,
): T[] {
  if (targets === undefined) return [...epics];
  const wanted = new Set(targets);
  return epics.filter((epic) => epicChildrenJqls(epic.epicKey).some((jql) => wanted.has(jql)));
}

/** The linked epics themselves as Jira shows them now, and the projects the account sees (null: not asked). */
export interface EpicIssues {
  found: Map<string, Omit<EpicResult, "progress">>;
  visibleProjects: Set<string> | null;
}

/**
 * Reads the linked epics themselves (`issue/bulkfetch`, a hundred per request; unknown or invisible keys are
 * absent) and, in a full sync (`checkProjects`) when portfolios reading through the connection link projects,
 * the projects its account sees. Throws the client's `JiraError`.
 */
export async function readEpicIssues(
  db: Db,
  client: JiraClient,
  input: { connectionId: string; epics: readonly LinkedEpic[]; checkProjects: boolean },
): Promise<EpicIssues> {
  const keys = [...new Set(input.epics.map((epic) => epic.epicKey))];
  const found = new Map<string, Omit<EpicResult, "progress">>();
  if (keys.length > 0) {
    for (const issue of await client.bulkFetch(keys, ["summary", "status", "issuetype", "project"])) {
      if (!issue.key) continue;
      const basics = issueBasicsOf(issue);
      found.set(basics.key, {
        epicId: issue.id,
        summary: basics.summary,
        statusName: basics.status.name,
        statusCategory: basics.status.categoryKey,
      });
    }
  }
  const projects = input.checkProjects ? await listConnectionProjects(db, input.connectionId) : [];
  const visibleProjects =
    projects.length === 0
      ? null
      : new Set((await client.listProjects(undefined, { limit: 1000 })).map((p) => p.key.toUpperCase()));
  return { found, visibleProjects };
}

/**
 * Stores each linked epic's status and progress: its children are the members of its query in the issue
 * cache, counted by the domain's epic rule with the connection's story-point fields. An epic Jira no longer
 * shows is stale ({@link EPIC_GONE}); one whose query failed is stale with that failure; both keep their last
 * good values. Linked projects the account no longer sees are flagged.
 */
export async function saveEpicResults(
  db: Db,
  input: {
    connectionId: string;
    epics: readonly LinkedEpic[];
    read: EpicIssues;
    epicLinkFieldId: string | null;
    members: ReadonlyMap<string, readonly string[]>;
    failures: ReadonlyMap<string, SyncFailure>;
    cache: ReadonlyMap<string, Pick<IssueSnapshot, "statusCategoryKey" | "numbers">>;
    storyPointFieldIds: readonly string[];
    now: Date;
  },
): Promise<void> {
  const { read, now } = input;
  if (read.visibleProjects) await saveProjectVisibility(db, input.connectionId, read.visibleProjects, now);
  const keys = [...new Set(input.epics.map((epic) => epic.epicKey))];
  const gone = keys.filter((key) => !read.found.has(key));
  await markEpicsStale(db, input.connectionId, EPIC_GONE, now, gone);
  for (const [key, epic] of read.found) {
    const jql = epicChildrenJql(key, input.epicLinkFieldId);
    const failure = input.failures.get(jql);
    if (failure) {
      await markEpicsStale(db, input.connectionId, failure, now, [key]);
      continue;
    }
    const children = (input.members.get(jql) ?? [])
      .map((id) => input.cache.get(id))
      .filter((child) => child !== undefined)
      .map((child) => ({
        statusCategoryKey: child.statusCategoryKey,
        storyPoints: resolveStoryPoints(child.numbers, input.storyPointFieldIds),
      }));
    await saveEpicResult(db, input.epics, key, { ...epic, progress: computeEpicProgress(children) }, now);
  }
}
