/** Field discovery: which Jira fields can feed a metric (story points and numeric custom fields). */

/** A field as `/rest/api/3/field` lists it (the part discovery needs). */
export interface JiraField {
  id: string;
  name: string;
  custom?: boolean | undefined;
  clauseNames?: string[] | undefined;
  schema?: { type: string; custom?: string | undefined; customId?: number | undefined } | undefined;
}

/** A field usable as a metric source. */
export interface MetricField {
  id: string;
  name: string;
  /** `story_points`: an estimate field by name or type; `number`: any other numeric custom field. */
  role: "story_points" | "number";
  /** A JQL clause name for the field (`cf[10016]`), when Jira gave one. */
  clause: string | undefined;
}

/** Fields found by {@link discoverMetricFields}. */
export interface DiscoveredMetricFields {
  /** Story-point fields ("Story point estimate", "Story Points", …), by name. */
  storyPoints: MetricField[];
  /** Every numeric custom field (story-point fields included), by name. */
  numeric: MetricField[];
}

const STORY_POINT_TYPE = "com.pyxis.greenhopper.jira:jsw-story-points";
const normalise = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, " ");
const STORY_POINT_NAMES = new Set(["story points", "story point estimate", "story point", "storypoints"]);

function isStoryPointField(field: JiraField): boolean {
  return STORY_POINT_NAMES.has(normalise(field.name)) || field.schema?.custom === STORY_POINT_TYPE;
}

function isNumericCustom(field: JiraField): boolean {
  return field.custom === true && field.schema?.type === "number";
}

function toMetric(field: JiraField, role: MetricField["role"]): MetricField {
  return {
    id: field.id,
    name: field.name,
    role,
    clause: field.clauseNames?.find((c) => c.startsWith("cf[")),
  };
}

/**
 * Picks the metric fields from `/rest/api/3/field`: story-point fields by name ("Story Points", "Story point
 * estimate", …) or by the Jira Software story-points type, and every custom field whose schema type is `number`.
 */
export function discoverMetricFields(fields: readonly JiraField[]): DiscoveredMetricFields {
  const byName = (a: MetricField, b: MetricField): number =>
    a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const storyPoints = fields
    .filter((f) => isStoryPointField(f) && (f.schema === undefined || f.schema.type === "number"))
    .map((f) => toMetric(f, "story_points"))
    .sort(byName);
  const storyIds = new Set(storyPoints.map((f) => f.id));
  const numeric = fields
    .filter((f) => isNumericCustom(f) || storyIds.has(f.id))
    .map((f) => toMetric(f, storyIds.has(f.id) ? "story_points" : "number"))
    .sort(byName);
  return { storyPoints, numeric };
}
