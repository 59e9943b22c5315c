import { parseStoredDate } from "./dates.ts";
import type { FieldSpec } from "./field-registry.ts";
import type { SiteIndex } from "./site-index.ts";
import type { StoredIssue } from "./types.ts";

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

function str(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === null || value === undefined ? [] : [value];
}

/** Upper-cased key and id of an issue reference ({id,key}), for key/parent matching. */
function refKeys(value: unknown): string[] {
  const o = obj(value);
  if (!o) return [];
  return [str(o.key)?.toUpperCase(), str(o.id)].filter((k): k is string => k !== undefined);
}

/**
 * The values of a field on an issue, as match keys: ids for reference data (project, status, users by account
 * id…), lower-cased text for labels and options, upper-cased keys for issue references. Empty = no value.
 */
export function matchKeys(spec: FieldSpec, issue: StoredIssue): string[] {
  const value = issue.fields[spec.fieldId];
  switch (spec.kind) {
    case "project":
      return [str(obj(value)?.id) ?? issue.projectId];
    case "issuekey":
      return [issue.key.toUpperCase(), issue.id];
    case "issuetype":
    case "status":
    case "resolution":
    case "priority": {
      const id = str(obj(value)?.id);
      return id === undefined ? [] : [id];
    }
    case "statusCategory": {
      const id = str(obj(obj(value)?.statusCategory)?.id);
      return id === undefined ? [] : [id];
    }
    case "user":
      return list(value).flatMap((u) => {
        const id = str(obj(u)?.accountId);
        return id === undefined ? [] : [id];
      });
    case "labels":
      return list(value).flatMap((l) => (typeof l === "string" ? [l.toLowerCase()] : []));
    case "component":
    case "version":
      return list(value).flatMap((c) => {
        const o = obj(c);
        const id = str(o?.id);
        const name = str(o?.name);
        return [id, name === undefined ? undefined : `name:${name.toLowerCase()}`].filter(
          (k): k is string => k !== undefined,
        );
      });
    case "sprint":
      return list(value).flatMap((s) => {
        const id = str(obj(s)?.id);
        return id === undefined ? [] : [id];
      });
    case "parent":
      return refKeys(value);
    case "epicLink": {
      const keys = typeof value === "string" && value !== "" ? [value.toUpperCase()] : [];
      const parent = obj(issue.fields.parent);
      const level = obj(obj(parent?.fields)?.issuetype)?.hierarchyLevel;
      if (parent && level === 1) keys.push(...refKeys(parent));
      return keys;
    }
    case "option":
      return list(value).flatMap((o) => {
        if (typeof o === "string") return [o.toLowerCase()];
        const option = obj(o);
        const id = str(option?.id);
        const text = str(option?.value);
        return [id, text?.toLowerCase()].filter((k): k is string => k !== undefined);
      });
    default:
      return [];
  }
}

/** Numeric values for comparisons and sorting (dates as epoch ms, durations in seconds, ranks for priority…). */
export function ordinals(spec: FieldSpec, issue: StoredIssue, index: SiteIndex): number[] {
  const value = issue.fields[spec.fieldId];
  switch (spec.kind) {
    case "datetime":
    case "date": {
      const ms = parseStoredDate(value, index.timeZone);
      return ms === undefined ? [] : [ms];
    }
    case "number": {
      const o = obj(value);
      const n = o ? (o.votes ?? o.watchCount) : value;
      return typeof n === "number" ? [n] : [];
    }
    case "duration":
      return typeof value === "number" ? [value] : [];
    case "priority":
      return matchKeys(spec, issue).map((id) => index.priorityRank.get(id) ?? 0);
    case "resolution":
      return matchKeys(spec, issue).map((id) => index.resolutionOrder.get(id) ?? -1);
    case "version":
      return matchKeys(spec, issue).flatMap((id) => {
        const position = index.versionOrder.get(id);
        return position === undefined ? [] : [position];
      });
    default:
      return [];
  }
}

/** True when the field has no value on the issue (`IS EMPTY`). */
export function isEmptyValue(spec: FieldSpec, issue: StoredIssue, index: SiteIndex): boolean {
  switch (spec.kind) {
    case "datetime":
    case "date":
    case "number":
    case "duration":
      return ordinals(spec, issue, index).length === 0;
    case "text": {
      const value = issue.fields[spec.fieldId];
      if (spec.fieldId === "comment") return list(obj(value)?.comments).length === 0;
      return value === null || value === undefined || value === "";
    }
    default:
      return matchKeys(spec, issue).length === 0;
  }
}

/** The value ORDER BY sorts on, or `undefined` when empty (Jira sorts empties as the greatest). */
export function sortValue(
  spec: FieldSpec,
  issue: StoredIssue,
  index: SiteIndex,
): number | string | undefined {
  const value = issue.fields[spec.fieldId];
  switch (spec.kind) {
    case "issuekey":
      return keySortValue(issue.key);
    case "project": {
      const project = obj(value);
      return str(project?.key) ?? index.projectsById.get(issue.projectId)?.key;
    }
    case "issuetype":
      return orderOf(index.issueTypeOrder, matchKeys(spec, issue));
    case "status":
      return orderOf(index.statusOrder, matchKeys(spec, issue));
    case "user": {
      const first = obj(list(value)[0]);
      return str(first?.displayName)?.toLowerCase();
    }
    case "labels":
    case "option":
      return matchKeys(spec, issue).sort()[0];
    case "component":
      return list(value)
        .map((c) => str(obj(c)?.name)?.toLowerCase() ?? "")
        .sort()[0];
    case "sprint":
      return matchKeys(spec, issue)
        .map(Number)
        .sort((a, b) => b - a)[0];
    case "parent":
    case "epicLink": {
      const key = matchKeys(spec, issue).find((k) => /-/.test(k));
      return key === undefined ? undefined : keySortValue(key);
    }
    case "text":
    case "rank":
      return typeof value === "string" ? value.toLowerCase() : undefined;
    case "priority":
    case "resolution":
    case "version":
    case "datetime":
    case "date":
    case "number":
    case "duration":
      return ordinals(spec, issue, index).sort((a, b) => a - b)[0];
    default:
      return undefined;
  }
}

function orderOf(order: Map<string, number>, ids: string[]): number | undefined {
  const first = ids[0];
  return first === undefined ? undefined : (order.get(first) ?? Number.MAX_SAFE_INTEGER);
}

/** "ABC-12" → sortable "ABC-000000000012". */
export function keySortValue(key: string): string {
  const dash = key.lastIndexOf("-");
  return `${key.slice(0, dash).toUpperCase()}-${key.slice(dash + 1).padStart(12, "0")}`;
}
