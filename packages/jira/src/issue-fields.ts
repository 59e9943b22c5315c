import { z } from "zod";
import type { JiraIssue } from "./jira-client.ts";

const statusShape = z
  .object({
    name: z.string().optional(),
    statusCategory: z.object({ key: z.string().optional() }).loose().optional(),
  })
  .loose();
const issueTypeShape = z
  .object({ name: z.string().optional(), hierarchyLevel: z.number().optional() })
  .loose();
const projectShape = z.object({ key: z.string().optional() }).loose();

/** The fields of an issue every reader of Goalpost uses, parsed once (missing or odd values fall back). */
export interface IssueBasics {
  id: string;
  /** Upper-case key (the id when Jira sent none). */
  key: string;
  summary: string;
  status: {
    name: string;
    /** `new` | `indeterminate` | `done`; a status without a category counts as `new` (not done). */
    categoryKey: string;
  };
  issueType: { name: string; hierarchyLevel: number | null };
  /** Hierarchy level 1, or a type named "Epic". */
  isEpic: boolean;
  /** Upper-case project key (from the key when the project field was not read). */
  projectKey: string;
  /** Jira's `updated` stamp, or null when not read. */
  updated: string | null;
}

/**
 * Parses the common fields of `issue` (read with any of summary, status, issuetype, project, updated).
 * @example issueBasicsOf({ id: "1", key: "ae-1", fields: { status: { name: "Done", statusCategory: { key: "done" } } } }).status // { name: "Done", categoryKey: "done" }
 */
export function issueBasicsOf(issue: Pick<JiraIssue, "id" | "key" | "fields">): IssueBasics {
  const status = statusShape.safeParse(issue.fields.status);
  const type = issueTypeShape.safeParse(issue.fields.issuetype);
  const project = projectShape.safeParse(issue.fields.project);
  const key = (issue.key ?? issue.id).toUpperCase();
  const typeName = type.success ? (type.data.name ?? "") : "";
  const level = type.success ? (type.data.hierarchyLevel ?? null) : null;
  return {
    id: issue.id,
    key,
    summary: typeof issue.fields.summary === "string" ? issue.fields.summary : "",
    status: {
      name: status.success ? (status.data.name ?? "") : "",
      categoryKey: (status.success ? status.data.statusCategory?.key : undefined) || "new",
    },
    issueType: { name: typeName, hierarchyLevel: level },
    isEpic: level === 1 || typeName.toLowerCase() === "epic",
    projectKey: (project.success && project.data.key
      ? project.data.key
      : (key.split("-")[0] ?? "")
    ).toUpperCase(),
    updated: typeof issue.fields.updated === "string" ? issue.fields.updated : null,
  };
}
