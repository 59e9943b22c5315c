/**
 * JQL text helpers for the sync engine. Users' queries are combined with `OR` and restricted with
 * `updated >= …`, which needs their `ORDER BY` removed (it is only allowed at the end of a whole query).
 */

/** Longest combined JQL sent in one search (Jira accepts far more; this keeps requests and logs sane). */
export const MAX_COMBINED_JQL_LENGTH = 8000;

/**
 * `jql` without a trailing `ORDER BY …` clause. Quoted strings (`"…"`, `'…'`, with backslash escapes) are
 * skipped, so `summary ~ "order by"` is left alone.
 * @example stripOrderBy('project = AE ORDER BY rank') // "project = AE"
 */
export function stripOrderBy(jql: string): string {
  let quote: string | null = null;
  let cut = -1;
  for (let i = 0; i < jql.length; i += 1) {
    const char = jql[i] as string;
    if (quote !== null) {
      if (char === "\\") i += 1;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      continue;
    }
    if (/^order\s+by\b/i.test(jql.slice(i, i + 40)) && (i === 0 || /[\s)]/.test(jql[i - 1] as string))) {
      cut = i;
      break;
    }
  }
  return (cut < 0 ? jql : jql.slice(0, cut)).trim();
}

/**
 * The queries OR-ed together (each in parentheses, without its ORDER BY), in as few chunks as fit
 * `maxLength` once `suffix` is appended. A query longer than the limit gets a chunk of its own.
 * @example combineJqls(["project = A", "project = B"], " AND updated >= -5m") // ["(project = A) OR (project = B)"]
 */
export function combineJqls(
  jqls: readonly string[],
  suffix: string,
  maxLength = MAX_COMBINED_JQL_LENGTH,
): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const jql of jqls) {
    const part = `(${stripOrderBy(jql)})`;
    const joined = current === "" ? part : `${current} OR ${part}`;
    if (current !== "" && joined.length + suffix.length + 2 > maxLength) {
      chunks.push(current);
      current = part;
    } else {
      current = joined;
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/**
 * A search for the issues of `combined` updated in the last `minutes` minutes. A relative date is used
 * because absolute JQL dates are read in the Jira account's time zone, which Goalpost does not know.
 * @example changedSinceJql("(project = A)", 65) // "(project = A) AND updated >= -65m"
 */
export function changedSinceJql(combined: string, minutes: number): string {
  return `(${combined}) AND updated >= -${Math.max(1, Math.ceil(minutes))}m`;
}
