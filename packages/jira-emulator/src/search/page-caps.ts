/**
 * Page size caps of `search/jql`. Jira documents "up to 5000 when only id/key are requested, fewer when many
 * fields are"; the exact caps are not published, these are the emulator's choice (documented in the README).
 */
import type { FieldSelection } from "../render/field-selection.ts";

/** Cap when only `id`/`key` are requested. */
export const ID_KEY_PAGE_CAP = 5000;
/** Cap for an explicit list of fields. */
export const FIELD_LIST_PAGE_CAP = 1000;
/** Cap for `*all` / `*navigable`, or with expansions such as `changelog`. */
export const WIDE_PAGE_CAP = 100;

/** The largest page Jira would return for this request. */
export function pageCap(selection: FieldSelection, expand: ReadonlySet<string>): number {
  if (selection.wide || expand.size > 0) return WIDE_PAGE_CAP;
  return selection.idKeyOnly ? ID_KEY_PAGE_CAP : FIELD_LIST_PAGE_CAP;
}
