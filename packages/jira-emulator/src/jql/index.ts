/**
 * The emulator's JQL engine: parses JQL with Atlassian's grammar (`@atlaskit/jql-parser`), validates it the way
 * Jira Cloud does (Jira's own error wording) and evaluates it over issues stored in REST v3 shape.
 *
 * - {@link compileJql} — for `search/jql`, `search/approximate-count` and webhook filters.
 * - {@link parseJqlQueries} — the body of `POST /rest/api/3/jql/parse`.
 * - {@link UNBOUNDED_JQL_MESSAGE} — what `search/jql` answers (400) when `query.isBounded` is false.
 */
export { compileJql } from "./compile-jql.ts";
export { supportedFunctionNames } from "./functions.ts";
export { UNBOUNDED_JQL_MESSAGE } from "./messages.ts";
export { parseJqlQueries } from "./parse-jql-queries.ts";
export type {
  ChangelogHistory,
  ChangelogItem,
  CompiledJql,
  CompileJqlResult,
  FieldDetails,
  JqlComponent,
  JqlIssueType,
  JqlNamedValue,
  JqlProject,
  JqlQueryClause,
  JqlQueryField,
  JqlQueryOperand,
  JqlQueryPredicate,
  JqlQueryStructure,
  JqlSite,
  JqlSprint,
  JqlStatus,
  JqlUser,
  JqlValidation,
  JqlVersion,
  ParsedJqlQueries,
  ParsedJqlQuery,
  StoredIssue,
} from "./types.ts";
