import type { IssueLinks } from "@goalpost/jira";

/**
 * A JQL that names only epics' children, read in one batch with the others (see {@link epicBatchJqls}):
 * `parent = K`, `parent in (K1, …)`, `"Epic Link" = K`, `"Epic Link" in (K1, …)`.
 */
export interface EpicQuery {
  jql: string;
  field: "parent" | "epicLink";
  /** The keys it names, upper-case. */
  keys: string[];
}

const KEY = `["']?[A-Za-z][A-Za-z0-9_]*-\\d+["']?`;
const SHAPE = new RegExp(
  `^\\s*(parent|"epic link"|'epic link')\\s*(?:=\\s*(${KEY})|in\\s*\\(\\s*(${KEY}(?:\\s*,\\s*${KEY})*)\\s*\\))\\s*$`,
  "i",
);

/**
 * The epic query `jql` is, or null when it is shaped otherwise (anything more than one clause of those four
 * shapes is read on its own, by Jira).
 * @example parseEpicQuery('"Epic Link" = ae-786') // { jql: '"Epic Link" = ae-786', field: "epicLink", keys: ["AE-786"] }
 */
export function parseEpicQuery(jql: string): EpicQuery | null {
  const match = SHAPE.exec(jql);
  if (!match) return null;
  const field = (match[1] ?? "").toLowerCase() === "parent" ? "parent" : "epicLink";
  const list = match[2] ?? match[3] ?? "";
  const keys = [...new Set(list.split(",").map((key) => key.trim().replace(/["']/g, "").toUpperCase()))];
  return { jql, field, keys };
}

/**
 * Whether an issue with `links` is a member of `query`, by the semantics Jira Cloud has and the emulator's
 * tests pin (packages/jira-emulator/src/jql/epic-membership.test.ts): `parent = K` holds the issues whose
 * parent is K (an epic's children; a story's sub-tasks), never grandchildren; `"Epic Link" = K` holds the
 * issues whose Epic Link is K and, on every project since the parent migration, those whose parent is the
 * epic K — never sub-tasks of those children.
 */
export function isEpicQueryMember(query: EpicQuery, links: IssueLinks): boolean {
  const underParent = links.parentKey !== null && query.keys.includes(links.parentKey);
  if (query.field === "parent") return underParent;
  if (links.epicLink !== null && query.keys.includes(links.epicLink)) return true;
  return underParent && links.parentLevel === 1;
}

/** Most keys one batch search names (twice): keeps the JQL well under Jira's length limits. */
export const EPIC_BATCH_KEYS = 200;

/**
 * The batch searches reading every epic query's members at once: `parent in (K…) OR "Epic Link" in (K…)` per
 * {@link EPIC_BATCH_KEYS} keys (the Epic Link clause only when a query asks for it). Each search lists the
 * queries it covers.
 */
export function epicBatchJqls(
  queries: readonly EpicQuery[],
  maxKeys = EPIC_BATCH_KEYS,
): { jql: string; queries: EpicQuery[] }[] {
  const batches: { keys: Set<string>; epicLink: boolean; queries: EpicQuery[] }[] = [];
  for (const query of queries) {
    let batch = batches.at(-1);
    const added = query.keys.filter((key) => !batch?.keys.has(key)).length;
    if (!batch || (batch.keys.size + added > maxKeys && batch.queries.length > 0)) {
      batch = { keys: new Set(), epicLink: false, queries: [] };
      batches.push(batch);
    }
    for (const key of query.keys) batch.keys.add(key);
    batch.epicLink ||= query.field === "epicLink";
    batch.queries.push(query);
  }
  return batches.map((batch) => {
    const list = [...batch.keys].sort().join(", ");
    const jql = batch.epicLink ? `parent in (${list}) OR "Epic Link" in (${list})` : `parent in (${list})`;
    return { jql, queries: batch.queries };
  });
}
