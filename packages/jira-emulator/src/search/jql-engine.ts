/**
 * The seam between the emulator and the JQL engine (`src/jql/`, built separately). The emulator only needs
 * {@link JqlEngine}; {@link loadJqlEngine} binds the real engine, falling back to the minimal built-in one
 * (`minimal-jql.ts`) when `src/jql/index.ts` cannot be loaded.
 */
import type { CompileJqlResult, JqlSite, JqlValidation, ParsedJqlQueries } from "../jql/types.ts";
import { minimalJqlEngine } from "./minimal-jql.ts";

/** What search, approximate-count, jql/parse and webhook filters need from a JQL implementation. */
export interface JqlEngine {
  /** Which implementation this is (`"atlaskit"` for the real engine, `"minimal"` for the fallback). */
  name: string;
  compile(jql: string, site: JqlSite): CompileJqlResult;
  parse(queries: readonly string[], site: JqlSite, validation: JqlValidation): ParsedJqlQueries;
  /** Jira's message for unbounded queries. */
  unboundedMessage: string;
}

const isFunction = (value: unknown): value is (...args: unknown[]) => unknown => typeof value === "function";

/** Loads the real JQL engine from `src/jql/index.ts`, or the minimal fallback if it is not usable. */
export async function loadJqlEngine(): Promise<JqlEngine> {
  try {
    const mod = (await import(new URL("../jql/index.ts", import.meta.url).href)) as Record<string, unknown>;
    const compile = mod.compileJql;
    const parse = mod.parseJqlQueries;
    if (!isFunction(compile) || !isFunction(parse)) return minimalJqlEngine;
    return {
      name: "atlaskit",
      compile: (jql, site) => compile(jql, site) as CompileJqlResult,
      parse: (queries, site, validation) => parse(queries, site, validation) as ParsedJqlQueries,
      unboundedMessage:
        typeof mod.UNBOUNDED_JQL_MESSAGE === "string"
          ? mod.UNBOUNDED_JQL_MESSAGE
          : minimalJqlEngine.unboundedMessage,
    };
  } catch {
    return minimalJqlEngine;
  }
}
