/** The engine's own syntax tree, built from Atlassian's parse tree by `build-ast.ts`. */

/** A field reference as written: `status`, `"Epic Link"`, `cf[10014]`, `issue.property[x].y`. */
export interface FieldRef {
  /** Unquoted, unescaped name ("Epic Link", "cf[10014]", "issue.property[x].y"). */
  name: string;
  /** The name as it can be written back into JQL. */
  encodedName: string;
  /** The id of a `cf[N]` reference. */
  cfId?: number;
  /** Entity-property path, for `issue.property[key].path` references. */
  property?: { entity: string; key: string; path: string }[];
}

/** A clause operand. */
export type Operand =
  | { kind: "value"; value: string; encoded: string; quoted: boolean }
  | { kind: "list"; values: Operand[]; encoded: string }
  | { kind: "function"; name: string; args: string[]; encoded: string }
  | { kind: "empty"; encoded: string };

/** Operators of terminal clauses, lower-case with single spaces as Jira reports them. */
export type Operator =
  | "="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "~"
  | "!~"
  | "in"
  | "not in"
  | "is"
  | "is not"
  | "was"
  | "was not"
  | "was in"
  | "was not in"
  | "changed";

/** A WAS / CHANGED predicate. */
export interface Predicate {
  operator: "before" | "after" | "on" | "during" | "by" | "from" | "to";
  operand: Operand;
}

/** A (possibly compound) clause. */
export type Clause =
  | { kind: "and" | "or"; clauses: Clause[] }
  | { kind: "not"; clause: Clause }
  | { kind: "terminal"; field: FieldRef; operator: Operator; operand?: Operand; predicates: Predicate[] };

/** One ORDER BY entry. */
export interface SortKey {
  field: FieldRef;
  direction?: "asc" | "desc";
}

/** A whole query. */
export interface Query {
  where?: Clause;
  orderBy?: SortKey[];
}
