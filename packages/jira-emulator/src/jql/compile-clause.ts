import type { Clause, Operator } from "./ast.ts";
import { addError, type CompileContext } from "./compile-context.ts";
import { type FieldSpec, resolveField } from "./field-registry.ts";
import { isEmptyValue, matchKeys, ordinals } from "./field-values.ts";
import { compileHistoryClause } from "./history-clause.ts";
import { validation } from "./messages.ts";
import { type Resolved, resolveOperand } from "./resolve-operand.ts";
import { compileTextClause } from "./text-clause.ts";
import type { StoredIssue } from "./types.ts";

/** A compiled clause. */
export type Matcher = (issue: StoredIssue) => boolean;

const NEVER: Matcher = () => false;

const NEGATED: Partial<Record<Operator, Operator>> = {
  "=": "!=",
  "!=": "=",
  in: "not in",
  "not in": "in",
  is: "is not",
  "is not": "is",
  "~": "!~",
  "!~": "~",
  "<": ">=",
  ">=": "<",
  ">": "<=",
  "<=": ">",
  was: "was not",
  "was not": "was",
  "was in": "was not in",
  "was not in": "was in",
};

/**
 * Compiles a clause into a matcher. `NOT` is pushed down to the terminal clauses as Jira does, so
 * `NOT assignee = x` behaves like `assignee != x` (neither matches unassigned issues).
 */
export function compileClause(clause: Clause, ctx: CompileContext, negate = false): Matcher {
  switch (clause.kind) {
    case "not":
      return compileClause(clause.clause, ctx, !negate);
    case "and":
    case "or": {
      const parts = clause.clauses.map((c) => compileClause(c, ctx, negate));
      const all = (clause.kind === "and") !== negate;
      return all ? (issue) => parts.every((p) => p(issue)) : (issue) => parts.some((p) => p(issue));
    }
    case "terminal":
      return compileTerminal(clause, ctx, negate);
  }
}

function compileTerminal(
  clause: Extract<Clause, { kind: "terminal" }>,
  ctx: CompileContext,
  negate: boolean,
): Matcher {
  const spec = resolveField(clause.field, ctx.index);
  if (!spec) {
    addError(ctx, validation.unknownField(clause.field.name));
    return NEVER;
  }
  if (!spec.operators.includes(clause.operator)) {
    addError(ctx, validation.operatorNotSupported(clause.operator, clause.field.name));
    return NEVER;
  }
  const negatedOperator = negate ? NEGATED[clause.operator] : clause.operator;
  const operator = negatedOperator && spec.operators.includes(negatedOperator) ? negatedOperator : undefined;
  const matcher = compileOperator(spec, { ...clause, operator: operator ?? clause.operator }, ctx);
  if (negate && !operator) return (issue) => !matcher(issue);
  return matcher;
}

function compileOperator(
  spec: FieldSpec,
  clause: Extract<Clause, { kind: "terminal" }>,
  ctx: CompileContext,
): Matcher {
  const { operator, operand } = clause;
  const index = ctx.index;
  if (operator === "changed" || operator.startsWith("was")) return compileHistoryClause(spec, clause, ctx);
  if (operator === "is" || operator === "is not") {
    const wantEmpty = operator === "is";
    return (issue: StoredIssue) => isEmptyValue(spec, issue, index) === wantEmpty;
  }
  if (!operand) return NEVER;
  if (spec.kind === "text" || spec.kind === "textAll") return compileTextClause(spec, operator, operand, ctx);
  const resolved = resolveOperand(spec, operand, ctx);
  if (resolved.empty && !spec.operators.includes("is")) {
    addError(ctx, `The field '${spec.name}' does not support searching for EMPTY values.`);
    return NEVER;
  }
  if (operator === "=" || operator === "in") return positive(spec, resolved, ctx);
  if (operator === "!=" || operator === "not in") {
    const inSet = positive(spec, { ...resolved, empty: false }, ctx);
    return (issue: StoredIssue) => !isEmptyValue(spec, issue, index) && !inSet(issue);
  }
  return comparison(spec, operator, resolved, ctx);
}

const ORDINAL_KINDS = new Set(["datetime", "date", "number", "duration"]);

function positive(spec: FieldSpec, resolved: Resolved, ctx: CompileContext) {
  const index = ctx.index;
  const { keys, empty } = resolved;
  if (ORDINAL_KINDS.has(spec.kind)) {
    const wanted = new Set(resolved.ordinals);
    return (issue: StoredIssue) => {
      const values = ordinals(spec, issue, index);
      if (values.length === 0) return empty;
      return values.some((v) => wanted.has(v));
    };
  }
  return (issue: StoredIssue) => {
    const values = matchKeys(spec, issue);
    if (values.length === 0) return empty;
    for (const v of values) if (keys.has(v)) return true;
    return false;
  };
}

function comparison(spec: FieldSpec, operator: Operator, resolved: Resolved, ctx: CompileContext) {
  const test = compare(operator);
  if (spec.kind === "issuekey") {
    const bound = resolved.issueKeys[0];
    if (!bound) return NEVER;
    const dash = bound.lastIndexOf("-");
    const project = bound.slice(0, dash);
    const number = Number(bound.slice(dash + 1));
    return (issue: StoredIssue) => {
      const key = issue.key.toUpperCase();
      const d = key.lastIndexOf("-");
      return key.slice(0, d) === project && test(Number(key.slice(d + 1)), number);
    };
  }
  const bound = resolved.ordinals[0];
  if (bound === undefined) return NEVER;
  const index = ctx.index;
  return (issue: StoredIssue) => ordinals(spec, issue, index).some((v) => test(v, bound));
}

function compare(operator: Operator): (a: number, b: number) => boolean {
  switch (operator) {
    case "<":
      return (a, b) => a < b;
    case "<=":
      return (a, b) => a <= b;
    case ">":
      return (a, b) => a > b;
    default:
      return (a, b) => a >= b;
  }
}
