import type { SortKey } from "./ast.ts";
import { addError, type CompileContext } from "./compile-context.ts";
import { resolveField } from "./field-registry.ts";
import { sortValue } from "./field-values.ts";
import { validation } from "./messages.ts";
import type { StoredIssue } from "./types.ts";

/** Jira's limit on ORDER BY fields in `search/jql`. */
export const MAX_ORDER_BY_FIELDS = 7;

type Comparator = (a: StoredIssue, b: StoredIssue) => number;

/** Newest issue first: the order used when a query has no ORDER BY, and the final tie-breaker. */
export const defaultOrder: Comparator = (a, b) =>
  idNumber(b) - idNumber(a) || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);

function idNumber(issue: StoredIssue): number {
  const n = Number(issue.id);
  return Number.isFinite(n) ? n : 0;
}

/**
 * Compiles ORDER BY into a comparator. Empty values sort as the greatest (last ascending, first descending),
 * as in Jira; fields without a direction use Jira's default for the field (dates and priority descending).
 */
export function compileOrderBy(
  keys: SortKey[] | undefined,
  ctx: CompileContext,
  enforceLimit: boolean,
): Comparator {
  if (!keys || keys.length === 0) return defaultOrder;
  if (enforceLimit && keys.length > MAX_ORDER_BY_FIELDS)
    addError(ctx, validation.orderByTooMany(MAX_ORDER_BY_FIELDS));
  const seen = new Set<string>();
  const parts: Comparator[] = [];
  for (const key of keys) {
    const spec = resolveField(key.field, ctx.index);
    if (!spec) {
      addError(ctx, validation.unknownField(key.field.name));
      continue;
    }
    if (!spec.sortable || spec.kind === "unsupported") {
      addError(ctx, validation.orderByNotSupported(key.field.name));
      continue;
    }
    const id = `${spec.kind}:${spec.fieldId}`;
    if (seen.has(id)) {
      addError(ctx, validation.orderByDuplicate(key.field.name));
      continue;
    }
    seen.add(id);
    const descending = key.direction ? key.direction === "desc" : spec.defaultDescending === true;
    const sign = descending ? -1 : 1;
    const index = ctx.index;
    const cache = new WeakMap<StoredIssue, number | string | undefined>();
    const cachedSortValue = (issue: StoredIssue) => {
      if (cache.has(issue)) return cache.get(issue);
      const value = sortValue(spec, issue, index);
      cache.set(issue, value);
      return value;
    };
    parts.push((a, b) => sign * compareValues(cachedSortValue(a), cachedSortValue(b)));
  }
  return (a, b) => {
    for (const part of parts) {
      const result = part(a, b);
      if (result !== 0) return result;
    }
    return defaultOrder(a, b);
  };
}

function compareValues(a: number | string | undefined, b: number | string | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
