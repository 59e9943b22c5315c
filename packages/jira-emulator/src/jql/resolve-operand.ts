import type { Operand } from "./ast.ts";
import { addError, addMissingValue, type CompileContext } from "./compile-context.ts";
import { parseDateValue } from "./dates.ts";
import type { FieldKind, FieldSpec } from "./field-registry.ts";
import { callFunction, type FunctionValue } from "./functions.ts";
import { validation } from "./messages.ts";

/** An operand resolved against a field: match keys (see `matchKeys`), numeric values, and whether EMPTY was named. */
export interface Resolved {
  keys: Set<string>;
  ordinals: number[];
  empty: boolean;
  /** Issue keys named literally (for key ranges). */
  issueKeys: string[];
}

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;
const FUNCTION_KINDS: Record<FunctionValue["type"], FieldKind[]> = {
  date: ["datetime", "date"],
  users: ["user"],
  sprints: ["sprint"],
  issues: ["issuekey", "parent", "epicLink"],
  versions: ["version"],
  issuetypes: ["issuetype"],
};

/** Resolves an operand (value, list, function, EMPTY) for a field, reporting Jira's errors into the context. */
export function resolveOperand(spec: FieldSpec, operand: Operand, ctx: CompileContext): Resolved {
  const out: Resolved = { keys: new Set(), ordinals: [], empty: false, issueKeys: [] };
  addOperand(spec, operand, ctx, out);
  return out;
}

function addOperand(spec: FieldSpec, operand: Operand, ctx: CompileContext, out: Resolved): void {
  switch (operand.kind) {
    case "list":
      for (const value of operand.values) addOperand(spec, value, ctx, out);
      return;
    case "empty":
      out.empty = true;
      return;
    case "function": {
      const value = callFunction(operand.name, operand.args, ctx);
      if (!value) return;
      if (!FUNCTION_KINDS[value.type].includes(spec.kind)) {
        addError(
          ctx,
          `A value provided by the function '${operand.name}' is invalid for the field '${spec.name}'.`,
        );
        return;
      }
      if (value.type === "date") out.ordinals.push(value.epoch);
      else if (value.type === "issues") for (const key of value.keys) out.keys.add(key);
      else if (value.type === "users") for (const id of value.ids) out.keys.add(id);
      else for (const id of value.ids) addId(spec, id, ctx, out);
      return;
    }
    case "value":
      addValue(spec, operand.value, ctx, out);
  }
}

function addId(spec: FieldSpec, id: string, ctx: CompileContext, out: Resolved): void {
  out.keys.add(id);
  if (spec.kind === "version") {
    const position = ctx.index.versionOrder.get(id);
    if (position !== undefined) out.ordinals.push(position);
  }
}

function lookup<T>(
  map: Map<string, T[]>,
  value: string,
  spec: FieldSpec,
  ctx: CompileContext,
  id: (item: T) => string,
  out: Resolved,
): T[] {
  const found = map.get(value.toLowerCase());
  if (!found) {
    addMissingValue(ctx, validation.valueDoesNotExist(value, spec.name));
    return [];
  }
  for (const item of found) addId(spec, id(item), ctx, out);
  return found;
}

function addValue(spec: FieldSpec, value: string, ctx: CompileContext, out: Resolved): void {
  const index = ctx.index;
  switch (spec.kind) {
    case "project":
      lookup(index.projectsByKeyOrName, value, spec, ctx, (p) => p.id, out);
      return;
    case "issuetype":
      lookup(index.issueTypesByName, value, spec, ctx, (t) => t.id, out);
      return;
    case "status":
      lookup(index.statusesByName, value, spec, ctx, (s) => s.id, out);
      return;
    case "priority": {
      const found = lookup(index.prioritiesByName, value, spec, ctx, (p) => p.id, out);
      for (const p of found) out.ordinals.push(index.priorityRank.get(p.id) ?? 0);
      return;
    }
    case "resolution": {
      if (value.toLowerCase() === "unresolved" && !index.resolutionsByName.has("unresolved")) {
        out.empty = true;
        return;
      }
      const found = lookup(index.resolutionsByName, value, spec, ctx, (r) => r.id, out);
      for (const r of found) out.ordinals.push(index.resolutionOrder.get(r.id) ?? -1);
      return;
    }
    case "statusCategory": {
      const lower = value.toLowerCase();
      const found = index.categories.filter(
        (c) => c.name.toLowerCase() === lower || c.key.toLowerCase() === lower || String(c.id) === value,
      );
      if (found.length === 0) addMissingValue(ctx, validation.valueDoesNotExist(value, spec.name));
      for (const c of found) out.keys.add(String(c.id));
      return;
    }
    case "user":
      lookup(index.usersByLogin, value, spec, ctx, (u) => u.accountId, out);
      return;
    case "component":
      if (index.site.components) lookup(index.componentsByName, value, spec, ctx, (c) => c.id, out);
      else out.keys.add(`name:${value.toLowerCase()}`);
      return;
    case "version":
      lookup(index.versionsByName, value, spec, ctx, (v) => v.id, out);
      return;
    case "sprint":
      lookup(index.sprintsByName, value, spec, ctx, (s) => String(s.id), out);
      return;
    case "labels":
    case "option":
      out.keys.add(value.toLowerCase());
      return;
    case "issuekey":
    case "parent":
    case "epicLink":
      addIssueRef(spec, value, ctx, out);
      return;
    case "datetime":
    case "date": {
      const epoch = parseDateValue(value, ctx.now, index.timeZone);
      if (epoch === undefined) addError(ctx, validation.dateInvalid(value, spec.name));
      else out.ordinals.push(epoch);
      return;
    }
    case "number": {
      const n = value.trim() === "" ? Number.NaN : Number(value);
      if (!Number.isFinite(n)) addError(ctx, validation.numberInvalid(value, spec.name));
      else out.ordinals.push(n);
      return;
    }
    case "duration": {
      const seconds = parseDuration(value);
      if (seconds === undefined) addError(ctx, validation.numberInvalid(value, spec.name));
      else out.ordinals.push(seconds);
      return;
    }
    default:
      addError(ctx, validation.operatorNotSupported("=", spec.name));
  }
}

function addIssueRef(spec: FieldSpec, value: string, ctx: CompileContext, out: Resolved): void {
  const numeric = /^\d+$/.test(value);
  if (!numeric && !KEY_PATTERN.test(value)) {
    if (spec.kind === "epicLink") addMissingValue(ctx, validation.valueDoesNotExist(value, spec.name));
    else addError(ctx, validation.issueKeyInvalid(value, spec.name));
    return;
  }
  const find = ctx.index.site.findIssue;
  if (find) {
    const issue = find(value);
    if (!issue) {
      if (spec.kind === "epicLink") addMissingValue(ctx, validation.valueDoesNotExist(value, spec.name));
      else addMissingValue(ctx, validation.issueKeyDoesNotExist(value, spec.name));
      if (!numeric) out.issueKeys.push(value.toUpperCase());
      return;
    }
    out.keys.add(issue.key.toUpperCase());
    out.keys.add(issue.id);
    out.issueKeys.push(issue.key.toUpperCase());
    return;
  }
  out.keys.add(numeric ? value : value.toUpperCase());
  if (!numeric) out.issueKeys.push(value.toUpperCase());
}

/** Time-tracking durations: "2h", "1d 4h" (a day is 8 h, a week 5 days, as Jira's time tracking), or minutes. */
export function parseDuration(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 60;
  const units: Record<string, number> = { w: 5 * 8 * 3600, d: 8 * 3600, h: 3600, m: 60 };
  if (!/^(\d+(\.\d+)?\s*[wdhm]\s*)+$/.test(text)) return undefined;
  let total = 0;
  for (const part of text.matchAll(/(\d+(?:\.\d+)?)\s*([wdhm])/g))
    total += Number(part[1]) * (units[part[2] ?? ""] ?? 0);
  return total;
}
