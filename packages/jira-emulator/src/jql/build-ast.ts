import {
  JqlChangedClauseContext,
  type JqlChangedPredicateContext,
  JqlComparisonClauseContext,
  JqlEqualsClauseContext,
  type JqlFieldContext,
  type JqlFunctionContext,
  JqlInClauseContext,
  JqlIsClauseContext,
  JqlLikeClauseContext,
  type JqlListContext,
  JqlNonNumberFieldContext,
  type JqlNotClauseContext,
  JqlNumberFieldContext,
  type JqlOperandContext,
  type JqlOrClauseContext,
  type JqlQueryContext,
  JqlWasClauseContext,
  JqlWasInClauseContext,
  type JqlWasPredicateContext,
} from "@atlaskit/jql-parser";
import type { Clause, FieldRef, Operand, Operator, Predicate, Query, SortKey } from "./ast.ts";
import { encodeJql, isQuoted, unescapeJql } from "./jql-strings.ts";

/** Converts Atlassian's parse tree (of a query without syntax errors) into the engine's {@link Query}. */
export function buildAst(tree: JqlQueryContext): Query {
  const query: Query = {};
  const where = tree.jqlWhere();
  if (where) query.where = orClause(where.jqlOrClause());
  const orderBy = tree.jqlOrderBy();
  if (orderBy) {
    query.orderBy = orderBy.jqlSearchSort().map((sort): SortKey => {
      const key: SortKey = { field: field(sort.jqlField()) };
      if (sort.ASC()) key.direction = "asc";
      if (sort.DESC()) key.direction = "desc";
      return key;
    });
  }
  return query;
}

function orClause(ctx: JqlOrClauseContext): Clause {
  const clauses = ctx.jqlAndClause().map((and): Clause => {
    const parts = and.jqlNotClause().map(notClause);
    return parts.length === 1 && parts[0] ? parts[0] : { kind: "and", clauses: parts };
  });
  return clauses.length === 1 && clauses[0] ? clauses[0] : { kind: "or", clauses };
}

function notClause(ctx: JqlNotClauseContext): Clause {
  const inner = ctx.jqlNotClause();
  if (inner) return { kind: "not", clause: notClause(inner) };
  const sub = ctx.jqlSubClause();
  if (sub) return orClause(sub.jqlOrClause());
  const terminal = ctx.jqlTerminalClause();
  if (!terminal) throw new Error("JQL parse tree without clause");
  const ref = field(terminal.jqlField());
  const rhs = terminal.jqlTerminalClauseRhs();
  if (rhs instanceof JqlEqualsClauseContext) {
    const op: Operator = rhs.jqlEqualsOperator().NOT_EQUALS() ? "!=" : "=";
    return { kind: "terminal", field: ref, operator: op, operand: single(rhs), predicates: [] };
  }
  if (rhs instanceof JqlLikeClauseContext) {
    const op: Operator = rhs.jqlLikeOperator().NOT_LIKE() ? "!~" : "~";
    return { kind: "terminal", field: ref, operator: op, operand: single(rhs), predicates: [] };
  }
  if (rhs instanceof JqlComparisonClauseContext) {
    const op = rhs.jqlComparisonOperator().text as Operator;
    return { kind: "terminal", field: ref, operator: op, operand: single(rhs), predicates: [] };
  }
  if (rhs instanceof JqlInClauseContext) {
    const op: Operator = rhs.jqlInOperator().NOT() ? "not in" : "in";
    return { kind: "terminal", field: ref, operator: op, operand: listOrFunction(rhs), predicates: [] };
  }
  if (rhs instanceof JqlIsClauseContext) {
    const op: Operator = rhs.jqlIsOperator().NOT() ? "is not" : "is";
    const operand: Operand = { kind: "empty", encoded: "EMPTY" };
    return { kind: "terminal", field: ref, operator: op, operand, predicates: [] };
  }
  if (rhs instanceof JqlWasClauseContext) {
    const op: Operator = rhs.jqlWasOperator().NOT() ? "was not" : "was";
    const predicates = rhs.jqlWasPredicate().map(predicate);
    return { kind: "terminal", field: ref, operator: op, operand: single(rhs), predicates };
  }
  if (rhs instanceof JqlWasInClauseContext) {
    const op: Operator = rhs.jqlWasInOperator().NOT() ? "was not in" : "was in";
    const predicates = rhs.jqlWasPredicate().map(predicate);
    return { kind: "terminal", field: ref, operator: op, operand: listOrFunction(rhs), predicates };
  }
  if (rhs instanceof JqlChangedClauseContext) {
    return {
      kind: "terminal",
      field: ref,
      operator: "changed",
      predicates: rhs.jqlChangedPredicate().map(predicate),
    };
  }
  throw new Error("JQL parse tree with unknown clause");
}

interface SingleOperandContext {
  jqlEmpty?(): { text: string } | undefined;
  jqlValue(): { text: string } | undefined;
  jqlFunction(): JqlFunctionContext | undefined;
}

function single(ctx: SingleOperandContext): Operand {
  const empty = ctx.jqlEmpty?.();
  if (empty) return { kind: "empty", encoded: empty.text };
  const value = ctx.jqlValue();
  if (value) return valueOperand(value.text);
  const fn = ctx.jqlFunction();
  if (fn) return functionOperand(fn);
  throw new Error("JQL parse tree without operand");
}

function listOrFunction(ctx: {
  jqlList(): JqlListContext | undefined;
  jqlFunction(): JqlFunctionContext | undefined;
}) {
  const list = ctx.jqlList();
  if (list) return listOperand(list);
  const fn = ctx.jqlFunction();
  if (fn) return functionOperand(fn);
  throw new Error("JQL parse tree without list");
}

function valueOperand(text: string): Operand {
  const value = unescapeJql(text);
  return { kind: "value", value, encoded: encodeJql(value), quoted: isQuoted(text) };
}

function functionOperand(ctx: JqlFunctionContext): Operand {
  const name = unescapeJql(ctx.jqlFunctionName().text);
  const args =
    ctx
      .jqlArgumentList()
      ?.jqlArgument()
      .map((a) => unescapeJql(a.text)) ?? [];
  return { kind: "function", name, args, encoded: `${encodeJql(name)}(${args.map(encodeJql).join(", ")})` };
}

function listOperand(ctx: JqlListContext): Operand {
  const values = ctx.jqlOperand().map(operand);
  return { kind: "list", values, encoded: `(${values.map((v) => v.encoded).join(", ")})` };
}

function operand(ctx: JqlOperandContext): Operand {
  const list = ctx.jqlList();
  if (list) return listOperand(list);
  return single(ctx);
}

function predicate(ctx: JqlWasPredicateContext | JqlChangedPredicateContext): Predicate {
  const op = (
    ctx.jqlDatePredicateOperator()?.text ??
    (ctx.jqlDateRangePredicateOperator() ? "during" : undefined) ??
    (ctx.jqlUserPredicateOperator() ? "by" : undefined) ??
    ("jqlValuePredicateOperator" in ctx ? ctx.jqlValuePredicateOperator()?.text : undefined) ??
    ""
  ).toLowerCase() as Predicate["operator"];
  return { operator: op, operand: operand(ctx.jqlPredicateOperand().jqlOperand()) };
}

function field(ctx: JqlFieldContext): FieldRef {
  if (ctx instanceof JqlNumberFieldContext || !(ctx instanceof JqlNonNumberFieldContext)) {
    return { name: ctx.text, encodedName: ctx.text };
  }
  const nonNumber = ctx;
  const cf = nonNumber.jqlCustomField();
  if (cf) {
    const id = Number(cf.POSNUMBER().text);
    return { name: `cf[${id}]`, encodedName: `cf[${id}]`, cfId: id };
  }
  const base = nonNumber.jqlString();
  const baseName = base ? unescapeJql(base.text) : "";
  const props = nonNumber.jqlFieldProperty();
  if (props.length === 0) return { name: baseName, encodedName: encodeJql(baseName) };
  const property = props.map((p) => {
    const key = unescapeJql(p.jqlArgument()?.text ?? "");
    const path = p
      .jqlPropertyArgument()
      .map((a) => unescapeJql(a.jqlArgument().text).replace(/^\./, ""))
      .join(".");
    return { entity: baseName.replace(/\.property$/i, ""), key, path };
  });
  const tail = (fmt: (k: string) => string) =>
    property.map((p) => `[${fmt(p.key)}]${p.path ? `.${p.path}` : ""}`).join("");
  return {
    name: `${baseName}${tail((k) => k)}`,
    encodedName: `${baseName}${tail((k) => (encodeJql(k) === k ? k : `"${k}"`))}`,
    property,
  };
}
