import { buildAst } from "./build-ast.ts";
import { compileClause } from "./compile-clause.ts";
import type { CompileContext } from "./compile-context.ts";
import { compileOrderBy } from "./order-by.ts";
import { parseSyntax } from "./parse-syntax.ts";
import { projectKeysOf } from "./project-hint.ts";
import { indexSite } from "./site-index.ts";
import type { CompiledJql, CompileJqlResult, JqlSite } from "./types.ts";

/** Options of {@link compileJql}. */
export interface CompileJqlOptions {
  /** "errors" (default, as `search/jql`): unknown values fail the query; "warnings": they only warn. */
  missingValues?: "errors" | "warnings";
  /** Enforce `search/jql`'s limit of 7 ORDER BY fields (default true). */
  limitOrderBy?: boolean;
}

/**
 * Parses, validates and compiles a JQL query for evaluation over stored issues, as `search/jql` does.
 * Never throws: syntax and validation problems come back as Jira's `errorMessages`.
 * Boundedness is reported, not enforced: the caller answers {@link UNBOUNDED_JQL_MESSAGE} when `!query.isBounded`.
 */
export function compileJql(jql: string, site: JqlSite, options: CompileJqlOptions = {}): CompileJqlResult {
  try {
    const syntax = parseSyntax(jql);
    if (!syntax.ok) return { ok: false, errorMessages: [syntax.error] };
    const ast = buildAst(syntax.tree);
    const ctx: CompileContext = {
      index: indexSite(site),
      now: site.now(),
      errors: [],
      warnings: [],
      missingValues: options.missingValues ?? "errors",
    };
    const matches = ast.where ? compileClause(ast.where, ctx) : () => true;
    const compare = compileOrderBy(ast.orderBy, ctx, options.limitOrderBy ?? true);
    if (ctx.errors.length > 0) return { ok: false, errorMessages: ctx.errors };
    const query: CompiledJql = {
      matches,
      compare,
      isBounded: ast.where !== undefined,
      warnings: ctx.warnings,
    };
    const projectKeys = projectKeysOf(ast.where, ctx);
    if (projectKeys) query.projectKeys = projectKeys;
    return { ok: true, query };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errorMessages: [`Error in the JQL Query: Unable to parse the query (${detail}).`] };
  }
}
