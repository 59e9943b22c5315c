import { buildAst } from "./build-ast.ts";
import { compileClause } from "./compile-clause.ts";
import type { CompileContext } from "./compile-context.ts";
import { compileOrderBy } from "./order-by.ts";
import { parseSyntax } from "./parse-syntax.ts";
import { indexSite, type SiteIndex } from "./site-index.ts";
import { toStructure } from "./structure.ts";
import type { JqlSite, JqlValidation, ParsedJqlQueries, ParsedJqlQuery } from "./types.ts";

/**
 * The body of `POST /rest/api/3/jql/parse?validation=…`: for each query its structure, or its errors.
 * `strict`: syntax and validation problems are errors; `warn`: unknown values are warnings, other problems
 * errors; `none`: syntax only. A query with errors has no structure, as in Jira.
 */
export function parseJqlQueries(
  queries: string[],
  validation: JqlValidation,
  site: JqlSite,
): ParsedJqlQueries {
  let index: SiteIndex | undefined;
  return {
    queries: queries.map((query): ParsedJqlQuery => {
      try {
        const syntax = parseSyntax(query);
        if (!syntax.ok) return { query, errors: [syntax.error] };
        const ast = buildAst(syntax.tree);
        const result: ParsedJqlQuery = { query, structure: toStructure(ast) };
        if (validation === "none") return result;
        index ??= indexSite(site);
        const ctx: CompileContext = {
          index,
          now: site.now(),
          errors: [],
          warnings: [],
          missingValues: validation === "strict" ? "errors" : "warnings",
        };
        if (ast.where) compileClause(ast.where, ctx);
        compileOrderBy(ast.orderBy, ctx, false);
        if (ctx.errors.length > 0) return { query, errors: ctx.errors };
        if (ctx.warnings.length > 0) result.warnings = ctx.warnings;
        return result;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { query, errors: [`Error in the JQL Query: Unable to parse the query (${detail}).`] };
      }
    }),
  };
}
