/**
 * How each distinct JQL of a connection is read at a sync:
 * - `full`: no usable cache for it (a new query, or the cache lacks fields): one search with every field the
 *   metrics need returns its members and their data at once;
 * - `stamped`: a small query (it matched at most `smallLimit` issues last time): its membership search also
 *   asks for `updated`, so changed members are seen without any other request;
 * - `idsOnly`: a large query: ids only (5000 per page), its changes found by one OR-ed `updated >= …`
 *   search over all large queries.
 */
export interface QueryReadPlan {
  full: string[];
  stamped: string[];
  idsOnly: string[];
}

/** Largest query (issues matched last time) read with `updated` stamps: one page at any plausible page cap. */
export const STAMPED_QUERY_LIMIT = 100;

/**
 * Splits `jqls` into read modes from the sizes of their last reads.
 * @example planQueryReads(["a", "b", "c"], new Map([["a", 12], ["b", 4000]]), true) // { full: ["c"], stamped: ["a"], idsOnly: ["b"] }
 */
export function planQueryReads(
  jqls: readonly string[],
  lastSizes: ReadonlyMap<string, number>,
  cacheUsable: boolean,
  smallLimit = STAMPED_QUERY_LIMIT,
): QueryReadPlan {
  const plan: QueryReadPlan = { full: [], stamped: [], idsOnly: [] };
  for (const jql of new Set(jqls)) {
    const size = lastSizes.get(jql);
    if (!cacheUsable || size === undefined) plan.full.push(jql);
    else if (size <= smallLimit) plan.stamped.push(jql);
    else plan.idsOnly.push(jql);
  }
  return plan;
}
