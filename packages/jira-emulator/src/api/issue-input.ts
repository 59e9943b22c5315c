/** Translates REST `fields` / `update` of create and edit requests into stored field values. */
import { CF } from "../datasets/field-catalog.ts";
import { parentRef } from "../datasets/generate.ts";
import type { ApiContext } from "../http/context.ts";
import { adfText, issueTypeValue, priorityValue, sprintValue, userValue } from "../store/field-values.ts";
import { parseJiraDuration } from "../store/jira-format.ts";
import type { SiteIssueType, SiteProject, StoredIssue } from "../store/types.ts";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** The outcome of translating a request's fields. */
export interface TranslatedFields {
  changes: Obj;
  errors: Record<string, string>;
  issueType?: SiteIssueType;
}

const cannotSet = (id: string) =>
  `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;

/** Applies `update` operations (`set`, `add`, `remove`) onto plain `fields` values. */
export function mergeUpdateOps(fields: Obj, update: unknown, issue: StoredIssue | undefined): Obj {
  const merged: Obj = { ...fields };
  if (!isObj(update)) return merged;
  for (const [fieldId, ops] of Object.entries(update)) {
    if (!Array.isArray(ops)) continue;
    let current: unknown = merged[fieldId] ?? issue?.fields[fieldId] ?? null;
    for (const op of ops) {
      if (!isObj(op)) continue;
      if ("set" in op) current = op.set;
      if ("add" in op) current = [...(Array.isArray(current) ? current : []), op.add];
      if ("remove" in op) {
        const removed = JSON.stringify(op.remove);
        current = (Array.isArray(current) ? current : []).filter(
          (v) =>
            JSON.stringify(v) !== removed &&
            !(isObj(op.remove) && isObj(v) && (v.id === op.remove.id || v.name === op.remove.name)),
        );
      }
    }
    merged[fieldId] = current;
  }
  return merged;
}

/** Translates request fields for `project` (and `issue` when editing). */
export function translateFields(
  ctx: ApiContext,
  project: SiteProject,
  raw: Obj,
  issue?: StoredIssue,
): TranslatedFields {
  const { store } = ctx;
  const changes: Obj = {};
  const errors: Record<string, string> = {};
  return translateRest();

  function translateRest(): TranslatedFields {
    for (const [fieldId, value] of Object.entries(raw)) {
      if (fieldId === "project") continue;
      const result = translateOne(fieldId, value);
      if (typeof result === "string") errors[fieldId] = result;
      else changes[fieldId] = result.value;
    }
    const type =
      changes.issuetype === undefined
        ? undefined
        : project.issueTypeIds
            .map((id) => store.issueTypes.get(id))
            .find((t) => t?.id === (changes.issuetype as Obj).id);
    return { changes, errors, ...(type === undefined ? {} : { issueType: type }) };
  }

  function translateOne(fieldId: string, value: unknown): { value: unknown } | string {
    switch (fieldId) {
      case "issuetype": {
        const wanted = isObj(value) ? (value.id ?? value.name) : value;
        const type = project.issueTypeIds
          .map((id) => store.issueTypes.get(id))
          .find(
            (t) =>
              t !== undefined &&
              (t.id === String(wanted) || t.name.toLowerCase() === String(wanted).toLowerCase()),
          );
        return type === undefined ? "Specify a valid issue type" : { value: issueTypeValue(type) };
      }
      case "summary":
        return typeof value === "string" && value.trim() !== ""
          ? { value }
          : "You must specify a summary of the issue.";
      case "description":
      case "environment":
        return { value: value === null ? null : typeof value === "string" ? adfText(value) : value };
      case "assignee":
      case "reporter": {
        if (value === null) return { value: null };
        const accountId = isObj(value) ? value.accountId : undefined;
        const user = typeof accountId === "string" ? store.users.get(accountId) : undefined;
        return user === undefined
          ? `User '${String(accountId)}' does not exist.`
          : { value: userValue(user) };
      }
      case "priority": {
        const wanted = isObj(value) ? (value.id ?? value.name) : value;
        const priority = store.priorities.find((p) => p.id === String(wanted) || p.name === String(wanted));
        return priority === undefined ? "Specify a valid priority" : { value: priorityValue(priority) };
      }
      case "labels":
        return Array.isArray(value) && value.every((l) => typeof l === "string" && !/\s/.test(l))
          ? { value: [...value] }
          : "The label can't contain spaces.";
      case "components":
      case "fixVersions":
      case "versions":
        return translateNamedList(fieldId, value);
      case "duedate":
        return value === null || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
          ? { value }
          : `Error parsing date string: ${String(value)}`;
      case "parent": {
        if (value === null) return { value: undefined };
        const ref = isObj(value) ? (value.key ?? value.id) : value;
        const parent = store.findIssue(String(ref));
        if (parent === undefined || !store.canBrowse(ctx.user, parent.projectId))
          return "Could not find issue by id or key.";
        if (issue !== undefined && parent.id === issue.id) return "An issue cannot be its own parent.";
        return { value: parentRef(parent) };
      }
      case "timetracking": {
        if (!isObj(value)) return "Invalid time tracking value.";
        const original =
          typeof value.originalEstimate === "string" ? parseJiraDuration(value.originalEstimate) : undefined;
        const remaining =
          typeof value.remainingEstimate === "string"
            ? parseJiraDuration(value.remainingEstimate)
            : undefined;
        if (value.originalEstimate !== undefined && original === undefined)
          return "Original Estimate is invalid.";
        if (value.remainingEstimate !== undefined && remaining === undefined)
          return "Remaining Estimate is invalid.";
        if (original !== undefined) changes.timeoriginalestimate = original;
        const currentRemaining = issue?.fields.timeestimate ?? null;
        if (remaining !== undefined) changes.timeestimate = remaining;
        else if (original !== undefined && currentRemaining === null) changes.timeestimate = original;
        return { value: issue?.fields.timetracking ?? {} };
      }
      case CF.sprint: {
        if (value === null) return { value: null };
        const ids = (Array.isArray(value) ? value : [value]).map((v) => Number(isObj(v) ? v.id : v));
        const sprints = ids.map((id) => store.sprints.get(id));
        if (sprints.some((s) => s === undefined)) return "Sprint with id does not exist.";
        return { value: sprints.flatMap((s) => (s === undefined ? [] : [sprintValue(s)])) };
      }
      case CF.epicLink: {
        if (value === null) return { value: null };
        const epic = store.findIssue(String(value));
        return epic === undefined ? `Epic '${String(value)}' does not exist.` : { value: epic.key };
      }
      default:
        return translateCustom(fieldId, value);
    }
  }

  function translateNamedList(fieldId: string, value: unknown): { value: unknown } | string {
    if (!Array.isArray(value)) return `${fieldId} must be an array.`;
    const out: Obj[] = [];
    for (const entry of value) {
      const wanted = isObj(entry) ? (entry.id ?? entry.name) : entry;
      if (fieldId === "components") {
        const found = [...store.components.values()].find(
          (c) => c.projectId === project.id && (c.id === String(wanted) || c.name === String(wanted)),
        );
        if (found === undefined) return `Component name '${String(wanted)}' is not valid`;
        out.push({ id: found.id, name: found.name });
      } else {
        const found = [...store.versions.values()].find(
          (v) => v.projectId === project.id && (v.id === String(wanted) || v.name === String(wanted)),
        );
        if (found === undefined) return `Version name '${String(wanted)}' is not valid`;
        out.push({
          id: found.id,
          name: found.name,
          archived: found.archived,
          released: found.released,
          ...(found.releaseDate ? { releaseDate: found.releaseDate } : {}),
        });
      }
    }
    return { value: out };
  }

  function translateCustom(fieldId: string, value: unknown): { value: unknown } | string {
    const field = store.fields.find((f) => f.id === fieldId);
    if (field === undefined || !field.custom) {
      const system = store.fields.find((f) => f.id === fieldId);
      return system === undefined || system.orderable !== true ? cannotSet(fieldId) : { value };
    }
    if (value === null) return { value: null };
    switch (field.schema?.type) {
      case "number":
        return typeof value === "number" ? { value } : `Operation value must be a number`;
      case "string":
        return typeof value === "string" ? { value } : `Operation value must be a string`;
      case "date":
        return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? { value }
          : `Error parsing date string: ${String(value)}`;
      default:
        return { value };
    }
  }
}
