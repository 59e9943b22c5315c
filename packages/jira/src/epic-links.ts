import { z } from "zod";
import type { JiraIssue } from "./jira-client.ts";
import type { JiraField } from "./jira-field.ts";

/** The custom-field type of the (deprecated, still queryable) "Epic Link" field. */
const EPIC_LINK_TYPE = "com.pyxis.greenhopper.jira:gh-epic-link";

/**
 * The site's "Epic Link" field id (usually `customfield_10014` on Cloud), by its custom type, else by its
 * name; null on sites without one (team-managed only).
 */
export function findEpicLinkField(fields: readonly JiraField[]): string | null {
  const byType = fields.find((field) => field.schema?.custom === EPIC_LINK_TYPE);
  if (byType) return byType.id;
  return fields.find((field) => field.name.trim().toLowerCase() === "epic link")?.id ?? null;
}

/** `fields.parent` as Jira renders it: `{id, key, fields:{issuetype:{hierarchyLevel}}}`; absent without one. */
const parentShape = z
  .object({
    id: z.string().optional(),
    key: z.string().optional(),
    fields: z
      .object({ issuetype: z.object({ hierarchyLevel: z.number().optional() }).loose().optional() })
      .loose()
      .optional(),
  })
  .loose();

/** The "Epic Link" value: the epic's key (older sites: an object with one). */
const epicLinkShape = z.union([z.string(), z.object({ key: z.string() }).loose()]);

/** How an issue hangs under epics: its parent (and the parent's hierarchy level) and its "Epic Link". */
export interface IssueLinks {
  /** The parent's key, upper-case; null without a parent. */
  parentKey: string | null;
  /** The parent's hierarchy level (1: epic, 0: standard issue, so this issue is a sub-task); null when unknown. */
  parentLevel: number | null;
  /** The "Epic Link" value, upper-case; null when empty or the site has no such field. */
  epicLink: string | null;
}

/**
 * The parent and Epic Link of `issue` (read with `parent` and the site's Epic Link field), parsed once here.
 * @example issueLinksOf({ id: "1", fields: { parent: { key: "ae-1", fields: { issuetype: { hierarchyLevel: 1 } } } } }, null) // { parentKey: "AE-1", parentLevel: 1, epicLink: null }
 */
export function issueLinksOf(issue: Pick<JiraIssue, "fields">, epicLinkFieldId: string | null): IssueLinks {
  const parent = parentShape.safeParse(issue.fields.parent);
  const link = epicLinkFieldId === null ? undefined : epicLinkShape.safeParse(issue.fields[epicLinkFieldId]);
  const linkKey = link?.success ? (typeof link.data === "string" ? link.data : link.data.key) : "";
  return {
    parentKey: parent.success && parent.data.key ? parent.data.key.toUpperCase() : null,
    parentLevel: parent.success ? (parent.data.fields?.issuetype?.hierarchyLevel ?? null) : null,
    epicLink: linkKey.trim() === "" ? null : linkKey.trim().toUpperCase(),
  };
}
