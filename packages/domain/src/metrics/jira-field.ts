/**
 * The part of one entry of Jira's `GET /rest/api/3/field` that field discovery reads.
 * @example
 * const field: JiraFieldInfo = {
 *   id: "customfield_10016", name: "Story point estimate", custom: true,
 *   schema: { type: "number", custom: "com.pyxis.greenhopper.jira:jsw-story-points" },
 * };
 */
export interface JiraFieldInfo {
  readonly id: string;
  readonly name: string;
  readonly custom?: boolean;
  readonly schema?: { readonly type?: string; readonly custom?: string };
}

/** A field offered as a metric: its id and the name the site gives it. */
export interface DiscoveredField {
  readonly id: string;
  readonly name: string;
}

/**
 * Every numeric custom field of the site (`custom: true`, `schema.type: "number"`), in the site's order.
 * Story-point fields are numeric custom fields too and are included.
 * @example
 * findNumericCustomFields([{ id: "customfield_10042", name: "Revenue", custom: true, schema: { type: "number" } }])
 * // [{ id: "customfield_10042", name: "Revenue" }]
 */
export function findNumericCustomFields(fieldList: readonly JiraFieldInfo[]): DiscoveredField[] {
  return fieldList
    .filter((field) => field.custom === true && field.schema?.type === "number")
    .map(({ id, name }) => ({ id, name }));
}
