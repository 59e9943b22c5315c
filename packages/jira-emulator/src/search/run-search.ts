/** Runs a JQL search over the caller's visible projects, using the engine's project hint as an index. */

import type { EmulatorState } from "../emulator-state.ts";
import { JiraHttpError } from "../http/respond.ts";
import type { CompiledJql } from "../jql/types.ts";
import type { SiteUser, StoredIssue } from "../store/types.ts";
import { jqlSiteFor } from "./jql-site.ts";

interface CacheEntry {
  /** `generation:revision` of the store the result was computed on. */
  version: string;
  issues: StoredIssue[];
}

const caches = new WeakMap<EmulatorState, Map<string, CacheEntry>>();

/** Compiles JQL for a caller; 400 with the engine's messages when invalid. */
export function compileFor(
  state: EmulatorState,
  user: SiteUser | null,
  jql: string,
  missingValues: "errors" | "warnings" = "errors",
): CompiledJql {
  const result = state.jql.compile(jql, jqlSiteFor(state.store, user), { missingValues });
  if (!result.ok) throw new JiraHttpError(400, result.errorMessages);
  return result.query;
}

/**
 * All matching issues in result order, cached per caller and query and checked against the store's generation
 * and revision: a reset replaces the store (new generation) and sets the revision back to 0.
 */
export function runSearch(
  state: EmulatorState,
  user: SiteUser | null,
  jql: string,
  options: { requireBounded: boolean; missingValues?: "errors" | "warnings" },
): StoredIssue[] {
  return runSearchWithWarnings(state, user, jql, options).issues;
}

/** {@link runSearch}, with the query's warnings (unknown values, when `missingValues` is "warnings"). */
export function runSearchWithWarnings(
  state: EmulatorState,
  user: SiteUser | null,
  jql: string,
  options: { requireBounded: boolean; missingValues?: "errors" | "warnings" },
): { issues: StoredIssue[]; warnings: string[] } {
  const missingValues = options.missingValues ?? "errors";
  const query = compileFor(state, user, jql, missingValues);
  const warnings = [...query.warnings];
  if (options.requireBounded && !query.isBounded) throw new JiraHttpError(400, [state.jql.unboundedMessage]);
  let cache = caches.get(state);
  if (cache === undefined) {
    cache = new Map();
    caches.set(state, cache);
  }
  const { store } = state;
  const visible = store.visibleProjects(user);
  // The projects the user may browse are part of the key: a permission change (which writes no issue and so
  // bumps no revision) must not serve results from before it.
  const access = visible.map((p) => p.id).join(",");
  const cacheKey = `${user?.accountId ?? "anonymous"}\u0000${access}\u0000${missingValues}\u0000${jql}`;
  const hit = cache.get(cacheKey);
  const version = `${store.generation}:${store.revision}`;
  if (hit !== undefined && hit.version === version) return { issues: hit.issues, warnings };
  const hinted = query.projectKeys?.map((key) => key.toUpperCase());
  const projects =
    hinted === undefined ? visible : visible.filter((p) => hinted.includes(p.key.toUpperCase()));
  const matches: StoredIssue[] = [];
  for (const project of projects) {
    for (const issue of store.issuesByProject.get(project.id)?.values() ?? []) {
      if (query.matches(issue)) matches.push(issue);
    }
  }
  matches.sort((a, b) => query.compare(a, b));
  if (cache.size > 50) cache.clear();
  cache.set(cacheKey, { version, issues: matches });
  return { issues: matches, warnings };
}
