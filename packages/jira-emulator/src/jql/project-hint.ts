import type { Clause } from "./ast.ts";
import type { CompileContext } from "./compile-context.ts";
import { resolveField } from "./field-registry.ts";
import { resolveOperand } from "./resolve-operand.ts";

/**
 * Upper-case keys of the projects every match must belong to, when the WHERE clause says so
 * (`project = A AND …`, `project IN (A, B)`, an OR whose branches all restrict projects), else `undefined`.
 */
export function projectKeysOf(clause: Clause | undefined, ctx: CompileContext): string[] | undefined {
  const ids = projectIds(clause, ctx);
  if (!ids) return undefined;
  return [...ids].flatMap((id) => {
    const project = ctx.index.projectsById.get(id);
    return project ? [project.key.toUpperCase()] : [];
  });
}

function projectIds(clause: Clause | undefined, ctx: CompileContext): Set<string> | undefined {
  if (!clause) return undefined;
  switch (clause.kind) {
    case "not":
      return undefined;
    case "and": {
      let result: Set<string> | undefined;
      for (const part of clause.clauses) {
        const ids = projectIds(part, ctx);
        if (ids) result = result ? new Set([...result].filter((id) => ids.has(id))) : ids;
      }
      return result;
    }
    case "or": {
      const result = new Set<string>();
      for (const part of clause.clauses) {
        const ids = projectIds(part, ctx);
        if (!ids) return undefined;
        for (const id of ids) result.add(id);
      }
      return result;
    }
    case "terminal": {
      if (clause.operator !== "=" && clause.operator !== "in") return undefined;
      if (!clause.operand) return undefined;
      const spec = resolveField(clause.field, ctx.index);
      if (spec?.kind !== "project" || spec.fieldId !== "project") return undefined;
      const quiet: CompileContext = { ...ctx, errors: [], warnings: [] };
      const resolved = resolveOperand(spec, clause.operand, quiet);
      return resolved.empty ? undefined : resolved.keys;
    }
  }
}
