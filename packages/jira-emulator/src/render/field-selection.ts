/** Jira's `fields` parameter: explicit ids, `*all`, `*navigable`, and `-field` exclusions. */
import type { FieldDetails } from "../store/types.ts";

/** A parsed `fields` parameter. */
export interface FieldSelection {
  /** Field ids to return, in site order. */
  ids: string[];
  /** True when nothing but `id`/`key` was asked for (search pages may then hold up to 5000 issues). */
  idKeyOnly: boolean;
  /** True when `*all` or `*navigable` was asked for (search pages are then capped lower). */
  wide: boolean;
}

/** Fields never returned as part of `fields`, though listed by `GET /field`. */
const NOT_RENDERED = new Set(["issuekey", "thumbnail"]);

/**
 * Parses a `fields` parameter. `raw` is the list of comma-separated entries (query params may repeat);
 * `fallback` applies when it is empty (`*all` for GET issue, `id` for search).
 */
export function parseFieldSelection(
  raw: readonly string[] | undefined,
  fallback: string,
  fields: readonly FieldDetails[],
): FieldSelection {
  const entries = (raw ?? [])
    .flatMap((entry) => entry.split(","))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const list = entries.length > 0 ? entries : [fallback];
  const include = new Set<string>();
  const exclude = new Set<string>();
  let all = false;
  let navigable = false;
  for (const entry of list) {
    if (entry === "*all") all = true;
    else if (entry === "*navigable") navigable = true;
    else if (entry.startsWith("-")) exclude.add(entry.slice(1));
    else include.add(entry);
  }
  const onlyExclusions = include.size === 0 && !all && !navigable && exclude.size > 0;
  if (onlyExclusions) navigable = true;
  const ids = fields
    .filter((field) => !NOT_RENDERED.has(field.id))
    .filter((field) => all || include.has(field.id) || (navigable && field.navigable === true))
    .filter((field) => !exclude.has(field.id))
    .map((field) => field.id);
  return {
    ids,
    idKeyOnly: ids.length === 0,
    wide: all || navigable,
  };
}
