import type { SiteIndex } from "./site-index.ts";

/** State shared while compiling one query: the site, the clock and the messages collected so far. */
export interface CompileContext {
  index: SiteIndex;
  now: Date;
  errors: string[];
  warnings: string[];
  /** Where "value does not exist" problems go: errors for searches, warnings for jql/parse `warn`. */
  missingValues: "errors" | "warnings";
}

/** Records a validation error once. */
export function addError(ctx: CompileContext, message: string): void {
  if (!ctx.errors.includes(message)) ctx.errors.push(message);
}

/** Records a "value does not exist" problem as an error or a warning, depending on the context. */
export function addMissingValue(ctx: CompileContext, message: string): void {
  const target = ctx.missingValues === "errors" ? ctx.errors : ctx.warnings;
  if (!target.includes(message)) target.push(message);
}
