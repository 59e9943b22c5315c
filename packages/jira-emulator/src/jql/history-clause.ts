import type { Clause, Operand, Predicate } from "./ast.ts";
import type { CompileContext } from "./compile-context.ts";
import { parseStoredDate, wallClock, zonedToEpoch } from "./dates.ts";
import type { FieldSpec } from "./field-registry.ts";
import { matchKeys } from "./field-values.ts";
import { resolveOperand } from "./resolve-operand.ts";
import type { StoredIssue } from "./types.ts";

interface Change {
  at: number;
  by: string | undefined;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toName: string | null;
}

interface Interval {
  value: string | null;
  start: number;
  end: number;
  by: string | undefined;
}

type Check = (start: number, end: number, by: string | undefined) => boolean;

/** Compiles `WAS [NOT] [IN]` and `CHANGED` clauses over the stored changelog. */
export function compileHistoryClause(
  spec: FieldSpec,
  clause: Extract<Clause, { kind: "terminal" }>,
  ctx: CompileContext,
): (issue: StoredIssue) => boolean {
  const names = new Set((spec.history ?? []).map((n) => n.toLowerCase()));
  const tz = ctx.index.timeZone;
  const changesOf = (issue: StoredIssue): Change[] => {
    const out: Change[] = [];
    for (const history of issue.changelog) {
      const at = parseStoredDate(history.created, tz) ?? 0;
      for (const item of history.items) {
        const id = (item.fieldId ?? item.field).toLowerCase();
        if (!names.has(id) && !names.has(item.field.toLowerCase())) continue;
        out.push({
          at,
          by: history.author?.accountId,
          from: item.from,
          fromString: item.fromString,
          to: item.to,
          toName: item.toString,
        });
      }
    }
    return out.sort((a, b) => a.at - b.at);
  };
  const checks = clause.predicates.map((p) => predicateCheck(p, ctx));
  const resolveWanted = (operand: Operand | undefined) => {
    if (!operand) return undefined;
    const resolved = resolveOperand(spec, operand, ctx);
    const literals = new Set<string>();
    collectLiterals(operand, literals);
    return { ...resolved, literals };
  };
  if (clause.operator === "changed") {
    const from = clause.predicates.find((p) => p.operator === "from");
    const to = clause.predicates.find((p) => p.operator === "to");
    const fromValue = resolveWanted(from?.operand);
    const toValue = resolveWanted(to?.operand);
    const dateChecks = checks.filter((c): c is Check => c !== undefined);
    return (issue) =>
      changesOf(issue).some(
        (c) =>
          (!fromValue || valueMatches(fromValue, c.from, c.fromString)) &&
          (!toValue || valueMatches(toValue, c.to, c.toName)) &&
          dateChecks.every((check) => check(c.at, c.at, c.by)),
      );
  }
  const wanted = resolveWanted(clause.operand);
  const negate = clause.operator === "was not" || clause.operator === "was not in";
  const allChecks = checks.filter((c): c is Check => c !== undefined);
  return (issue) => {
    const created = parseStoredDate(issue.fields.created, tz) ?? 0;
    const found = intervals(changesOf(issue), matchKeys(spec, issue), created).some(
      (i) =>
        wanted !== undefined &&
        (i.value === null ? wanted.empty : valueMatches(wanted, i.value, null)) &&
        allChecks.every((check) => check(i.start, i.end, i.by)),
    );
    return found !== negate;
  };
}

function collectLiterals(operand: Operand, out: Set<string>): void {
  if (operand.kind === "value") out.add(operand.value.toLowerCase());
  if (operand.kind === "list") for (const v of operand.values) collectLiterals(v, out);
}

function valueMatches(
  wanted: { keys: Set<string>; empty: boolean; literals: Set<string> },
  id: string | null,
  name: string | null,
): boolean {
  if (id === null || id === "") return wanted.empty && (name === null || name === "");
  return (
    wanted.keys.has(id) ||
    wanted.keys.has(id.toUpperCase()) ||
    (name !== null && wanted.literals.has(name.toLowerCase()))
  );
}

/** Value intervals from the changelog: each value with the time it was set, unset and who set it. */
function intervals(changes: Change[], current: string[], created: number): Interval[] {
  const values = new Set(current);
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (!c) continue;
    if (c.to) values.delete(c.to);
    if (c.from) values.add(c.from);
  }
  const open = new Map<string | null, { start: number; by: string | undefined }>();
  for (const v of values) open.set(v, { start: created, by: undefined });
  if (values.size === 0) open.set(null, { start: created, by: undefined });
  const out: Interval[] = [];
  const close = (value: string | null, at: number) => {
    const o = open.get(value);
    if (o) out.push({ value, start: o.start, end: at, by: o.by });
    open.delete(value);
  };
  for (const c of changes) {
    if (c.from) close(c.from, c.at);
    if (c.to) {
      close(null, c.at);
      if (!open.has(c.to)) open.set(c.to, { start: c.at, by: c.by });
    }
    if (open.size === 0) open.set(null, { start: c.at, by: c.by });
  }
  for (const [value, o] of open) out.push({ value, start: o.start, end: Number.POSITIVE_INFINITY, by: o.by });
  return out;
}

function predicateCheck(predicate: Predicate, ctx: CompileContext): Check | undefined {
  const dateSpec: FieldSpec = {
    kind: "datetime",
    fieldId: "",
    name: predicate.operator,
    operators: [],
    sortable: false,
  };
  switch (predicate.operator) {
    case "from":
    case "to":
      return undefined;
    case "by": {
      const userSpec: FieldSpec = { kind: "user", fieldId: "", name: "by", operators: [], sortable: false };
      const users = resolveOperand(userSpec, predicate.operand, ctx).keys;
      return (_s, _e, by) => by !== undefined && users.has(by);
    }
    case "during": {
      const [a, b] = resolveOperand(dateSpec, predicate.operand, ctx).ordinals;
      if (a === undefined || b === undefined) return () => false;
      return (start, end) => start <= b && end >= a;
    }
    case "on": {
      const [d] = resolveOperand(dateSpec, predicate.operand, ctx).ordinals;
      if (d === undefined) return () => false;
      const w = wallClock(d, ctx.index.timeZone);
      const dayStart = zonedToEpoch(w.y, w.mo, w.d, 0, 0, ctx.index.timeZone);
      const dayEnd = zonedToEpoch(w.y, w.mo, w.d + 1, 0, 0, ctx.index.timeZone);
      return (start, end) => start < dayEnd && end >= dayStart;
    }
    case "after": {
      const [d] = resolveOperand(dateSpec, predicate.operand, ctx).ordinals;
      return d === undefined ? () => false : (_start, end) => end > d;
    }
    case "before": {
      const [d] = resolveOperand(dateSpec, predicate.operand, ctx).ordinals;
      return d === undefined ? () => false : (start) => start < d;
    }
  }
}
