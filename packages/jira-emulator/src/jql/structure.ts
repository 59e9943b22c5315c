import type { Clause, FieldRef, Operand, Query } from "./ast.ts";
import type { JqlQueryClause, JqlQueryField, JqlQueryOperand, JqlQueryStructure } from "./types.ts";

/** The `structure` of a `jql/parse` answer (the spec's `JqlQuery`), from the engine's syntax tree. */
export function toStructure(query: Query): JqlQueryStructure {
  const out: JqlQueryStructure = {};
  if (query.where) out.where = clause(query.where);
  if (query.orderBy) {
    out.orderBy = {
      fields: query.orderBy.map((key) =>
        key.direction ? { field: field(key.field), direction: key.direction } : { field: field(key.field) },
      ),
    };
  }
  return out;
}

function clause(c: Clause): JqlQueryClause {
  switch (c.kind) {
    case "and":
    case "or":
      return { operator: c.kind, clauses: c.clauses.map(clause) };
    case "not":
      return { operator: "not", clauses: [clause(c.clause)] };
    case "terminal": {
      const predicates = c.predicates.map((p) => ({ operator: p.operator, operand: operand(p.operand) }));
      if (c.operator === "changed") return { field: field(c.field), operator: "changed", predicates };
      const base = { field: field(c.field), operator: c.operator, operand: operand(c.operand) };
      return c.operator.startsWith("was") ? { ...base, predicates } : base;
    }
  }
}

function field(ref: FieldRef): JqlQueryField {
  const out: JqlQueryField = { name: ref.name, encodedName: ref.encodedName };
  if (ref.property) out.property = ref.property.map((p) => ({ ...p }));
  return out;
}

function operand(o: Operand | undefined): JqlQueryOperand {
  if (!o) return { keyword: "empty" };
  switch (o.kind) {
    case "empty":
      return { keyword: "empty" };
    case "value":
      return { value: o.value, encodedValue: o.encoded };
    case "list":
      return { values: o.values.map(operand), encodedOperand: o.encoded };
    case "function":
      return { function: o.name, arguments: o.args, encodedOperand: o.encoded };
  }
}
