/**
 * What search, approximate-count, jql/parse and webhook filters need from a JQL implementation, and the
 * real one (`src/jql/`: Atlassian's grammar, Jira-worded validation, evaluation over the store).
 */

import type { CompileJqlOptions } from "../jql/compile-jql.ts";
import { compileJql, parseJqlQueries, supportedFunctionNames, UNBOUNDED_JQL_MESSAGE } from "../jql/index.ts";
import type { CompileJqlResult, JqlSite, JqlValidation, ParsedJqlQueries } from "../jql/types.ts";

export interface JqlEngine {
  /** Which implementation this is, reported by `/_emulator/health`. */
  name: string;
  compile(jql: string, site: JqlSite, options?: CompileJqlOptions): CompileJqlResult;
  parse(queries: readonly string[], site: JqlSite, validation: JqlValidation): ParsedJqlQueries;
  /** Jira's message for unbounded queries. */
  unboundedMessage: string;
  /** The functions it supports (`currentUser`, `startOfDay`…), for `jql/autocompletedata`; none when absent. */
  functionNames?(): readonly string[];
}

/** The emulator's JQL engine. */
export const atlaskitJqlEngine: JqlEngine = {
  name: "atlaskit",
  compile: (jql, site, options) => compileJql(jql, site, options),
  parse: (queries, site, validation) => parseJqlQueries([...queries], validation, site),
  unboundedMessage: UNBOUNDED_JQL_MESSAGE,
  functionNames: supportedFunctionNames,
};
