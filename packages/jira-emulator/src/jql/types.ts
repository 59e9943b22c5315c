/**
 * The contract between the JQL engine and the emulated Jira site.
 *
 * The engine is pure: everything it needs to know about the site (fields, users, sprints, the clock…) comes
 * through a {@link JqlSite}; issues are read in Jira REST v3 shape ({@link StoredIssue}). Keep this file stable:
 * the emulator's server and store code against it.
 */

/** One changed field inside a changelog history, exactly as Jira's `GET /issue/{key}/changelog` returns it. */
export interface ChangelogItem {
  field: string;
  fieldtype: string;
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/** A Jira changelog history: who changed what, when (`created` like "2026-09-25T22:42:39.399+0000"). */
export interface ChangelogHistory {
  id: string;
  author?: { accountId: string; displayName?: string; emailAddress?: string | null } | null;
  created: string;
  items: ChangelogItem[];
}

/**
 * An issue as the emulator stores it: `fields` keyed by field id exactly as `GET /rest/api/3/issue` returns
 * them (`status`, `issuetype`, `project`, `assignee`, `customfield_10020`…), `changelog` oldest first or in any
 * order (the engine sorts by `created` when it needs to).
 */
export interface StoredIssue {
  id: string;
  key: string;
  projectId: string;
  fields: Record<string, unknown>;
  changelog: ChangelogHistory[];
}

/** A field as `GET /rest/api/3/field` describes it. */
export interface FieldDetails {
  id: string;
  key?: string;
  name: string;
  custom: boolean;
  orderable?: boolean;
  navigable?: boolean;
  searchable?: boolean;
  clauseNames: string[];
  schema?: {
    type: string;
    system?: string;
    custom?: string;
    customId?: number;
    items?: string;
  };
}

/** A user the site knows (assignee, reporter, changelog author, group member). */
export interface JqlUser {
  accountId: string;
  displayName: string;
  emailAddress?: string | null;
  active?: boolean;
}

/** A sprint (`customfield_10020` entries carry the same id, name and state). */
export interface JqlSprint {
  id: number;
  name: string;
  state: "active" | "closed" | "future";
  boardId?: number;
}

/** A status with its category; category `key` is one of `new`, `indeterminate`, `done`, `undefined`. */
export interface JqlStatus {
  id: string;
  name: string;
  statusCategory: { id: number; key: string; name: string; colorName?: string };
}

/** An id/name pair: priorities, resolutions. */
export interface JqlNamedValue {
  id: string;
  name: string;
}

/** An issue type (`hierarchyLevel` -1 sub-task, 0 standard, 1 epic). */
export interface JqlIssueType {
  id: string;
  name: string;
  subtask?: boolean;
  hierarchyLevel?: number;
}

/** A project the caller may browse. */
export interface JqlProject {
  id: string;
  key: string;
  name: string;
}

/** A project version (fixVersion / affectedVersion values). */
export interface JqlVersion {
  id: string;
  name: string;
  projectId: string;
  released?: boolean;
  archived?: boolean;
}

/** A project component. */
export interface JqlComponent {
  id: string;
  name: string;
  projectId: string;
}

/**
 * What the engine needs to know about the site, as seen by the caller of one request.
 * Lists hold only what the caller may see (an invisible project behaves like an unknown one, as in Jira).
 */
export interface JqlSite {
  /** The clock for `now()`, relative dates and `startOf…`/`endOf…`. */
  now(): Date;
  /** IANA time zone of the caller for day/week/month boundaries and date-only values; default "UTC". */
  timeZone?: string;
  /** The caller, for `currentUser()`; `null` when anonymous. */
  currentAccountId: string | null;
  /** `GET /rest/api/3/field`: every field the caller can see, system and custom. */
  fields: readonly FieldDetails[];
  users: readonly JqlUser[];
  /** Group name → member account ids, for `membersOf()` (names match case-insensitively, as in Jira). */
  groups: Readonly<Record<string, readonly string[]>>;
  sprints: readonly JqlSprint[];
  statuses: readonly JqlStatus[];
  priorities: readonly JqlNamedValue[];
  resolutions: readonly JqlNamedValue[];
  issueTypes: readonly JqlIssueType[];
  /** Projects visible to the caller. */
  projects: readonly JqlProject[];
  versions: readonly JqlVersion[];
  components?: readonly JqlComponent[];
  /**
   * Looks an issue up by key (case-insensitive) or id, for validating `key`/`parent`/`"Epic Link"` values and for
   * key ranges; without it those values are not checked for existence.
   */
  findIssue?(keyOrId: string): { id: string; key: string } | undefined;
  /** Keys of issues the caller viewed recently, most recent first, for `issueHistory()`; default none. */
  viewedIssueKeys?: readonly string[];
}

/** `validation` of `POST /rest/api/3/jql/parse`; `compileJql` always behaves as "strict". */
export type JqlValidation = "strict" | "warn" | "none";

/** A compiled, validated query ready to run over stored issues. */
export interface CompiledJql {
  /** True when the issue satisfies the WHERE part (always true without one). */
  matches(issue: StoredIssue): boolean;
  /** Sort comparator for ORDER BY (with Jira's null ordering); Jira's default order when there is none. */
  compare(a: StoredIssue, b: StoredIssue): number;
  /** False when the query has no search restriction (Jira refuses such queries in `search/jql`). */
  isBounded: boolean;
  /** Upper-case keys of the projects every match must belong to, when the query says so (an index hint). */
  projectKeys?: string[];
  /** Non-fatal messages Jira would attach as warnings. */
  warnings: string[];
}

/** Result of {@link CompiledJql} compilation: the query, or Jira's `errorMessages` for a 400. */
export type CompileJqlResult = { ok: true; query: CompiledJql } | { ok: false; errorMessages: string[] };

/** One entry of `ParsedJqlQueries.queries` (the body of `POST /rest/api/3/jql/parse`). */
export interface ParsedJqlQuery {
  query: string;
  structure?: JqlQueryStructure;
  errors?: string[];
  warnings?: string[];
}

/** Body of `POST /rest/api/3/jql/parse`. */
export interface ParsedJqlQueries {
  queries: ParsedJqlQuery[];
}

/** `JqlQuery` of the spec: the syntax tree of a query. */
export interface JqlQueryStructure {
  where?: JqlQueryClause;
  orderBy?: { fields: { field: JqlQueryField; direction?: "asc" | "desc" }[] };
}

/** `JqlQueryField` of the spec. */
export interface JqlQueryField {
  name: string;
  encodedName?: string;
  property?: { entity: string; key: string; path: string; type?: string }[];
}

/** `JqlQueryClauseOperand` of the spec. */
export type JqlQueryOperand =
  | { value: string; encodedValue?: string }
  | { values: JqlQueryOperand[]; encodedOperand?: string }
  | { function: string; arguments: string[]; encodedOperand?: string }
  | { keyword: "empty" };

/** `JqlQueryClauseTimePredicate` of the spec. */
export interface JqlQueryPredicate {
  operator: "before" | "after" | "from" | "to" | "on" | "during" | "by";
  operand: JqlQueryOperand;
}

/** `JqlQueryClause` of the spec. */
export type JqlQueryClause =
  | { operator: "and" | "or" | "not"; clauses: JqlQueryClause[] }
  | { field: JqlQueryField; operator: string; operand: JqlQueryOperand }
  | { field: JqlQueryField; operator: string; operand: JqlQueryOperand; predicates: JqlQueryPredicate[] }
  | { field: JqlQueryField; operator: "changed"; predicates: JqlQueryPredicate[] };
