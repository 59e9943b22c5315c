import type { DiscoveredField, JiraFieldInfo } from "./jira-field.ts";

/**
 * Names Jira gives its story-point fields, in the order they are tried per issue: company-managed
 * "Story Points" first, then team-managed "Story point estimate". Matched case- and space-insensitively.
 */
export const STORY_POINT_FIELD_NAMES = [
  "story points",
  "story point estimate",
  "story point",
  "storypoints",
  "story points estimate",
] as const;

/** The Jira Software field type of "Story point estimate". */
const JSW_STORY_POINTS = "com.pyxis.greenhopper.jira:jsw-story-points";

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

function rank(field: JiraFieldInfo): number {
  const byName = (STORY_POINT_FIELD_NAMES as readonly string[]).indexOf(normalise(field.name));
  if (byName >= 0) return byName;
  return field.schema?.custom === JSW_STORY_POINTS ? STORY_POINT_FIELD_NAMES.length : -1;
}

/**
 * The site's story-point fields: numeric fields named like "Story Points" or "Story point estimate" (or of
 * Jira Software's story-points type), ordered by {@link STORY_POINT_FIELD_NAMES}, then by the site's order.
 * @example
 * findStoryPointFields([
 *   { id: "customfield_10016", name: "Story point estimate", custom: true, schema: { type: "number" } },
 *   { id: "customfield_10026", name: "Story Points", custom: true, schema: { type: "number" } },
 * ]) // [{ id: "customfield_10026", name: "Story Points" }, { id: "customfield_10016", name: "Story point estimate" }]
 */
export function findStoryPointFields(fieldList: readonly JiraFieldInfo[]): DiscoveredField[] {
  return fieldList
    .map((field, index) => ({ field, index, rank: rank(field) }))
    .filter((entry) => entry.rank >= 0 && (entry.field.schema?.type ?? "number") === "number")
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ field: { id, name } }) => ({ id, name }));
}

/**
 * An issue's story points: the first non-empty value among the site's story-point fields, in order.
 * Empty means missing, `null` or not a finite number; 0 is a value. `null` when every field is empty.
 * @example resolveStoryPoints({ customfield_10026: null, customfield_10016: 5 }, ["customfield_10026", "customfield_10016"]) // 5
 */
export function resolveStoryPoints(
  fields: Readonly<Record<string, unknown>>,
  storyPointFieldIds: readonly string[],
): number | null {
  for (const id of storyPointFieldIds) {
    const value = fields[id];
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return null;
}
