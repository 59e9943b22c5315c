import type { FieldRef, Operator } from "./ast.ts";
import type { SiteIndex } from "./site-index.ts";
import type { FieldDetails } from "./types.ts";

/** How a field's values are stored, matched and ordered. */
export type FieldKind =
  | "project"
  | "issuekey"
  | "issuetype"
  | "status"
  | "statusCategory"
  | "resolution"
  | "priority"
  | "user"
  | "labels"
  | "component"
  | "version"
  | "sprint"
  | "parent"
  | "epicLink"
  | "text"
  | "textAll"
  | "datetime"
  | "date"
  | "number"
  | "duration"
  | "option"
  | "rank"
  | "unsupported";

/** A field resolved for one clause: what it is, where its value lives and what Jira lets you do with it. */
export interface FieldSpec {
  kind: FieldKind;
  /** Key in `StoredIssue.fields` ("assignee", "fixVersions", "customfield_10016"). */
  fieldId: string;
  /** The name as written in the query, for messages. */
  name: string;
  operators: readonly Operator[];
  /** Changelog `field`/`fieldId` values recording this field's history (WAS / CHANGED). */
  history?: readonly string[];
  sortable: boolean;
  /** Jira sorts these descending when ORDER BY gives no direction. */
  defaultDescending?: boolean;
}

const EQ: Operator[] = ["=", "!=", "in", "not in"];
const IS: Operator[] = ["is", "is not"];
const CMP: Operator[] = ["<", "<=", ">", ">="];
const WAS: Operator[] = ["was", "was not", "was in", "was not in", "changed"];
const TEXT: Operator[] = ["~", "!~"];

const OPERATORS: Record<FieldKind, Operator[]> = {
  project: [...EQ, ...IS],
  issuekey: [...EQ, ...CMP],
  issuetype: [...EQ, ...IS],
  status: [...EQ, ...IS],
  statusCategory: [...EQ],
  resolution: [...EQ, ...CMP, ...IS],
  priority: [...EQ, ...CMP, ...IS],
  user: [...EQ, ...IS],
  labels: [...EQ, ...IS],
  component: [...EQ, ...IS],
  version: [...EQ, ...CMP, ...IS],
  sprint: [...EQ, ...IS],
  parent: [...EQ],
  epicLink: [...EQ, ...IS],
  text: [...TEXT, ...IS],
  textAll: ["~"],
  datetime: [...EQ, ...CMP, ...IS],
  date: [...EQ, ...CMP, ...IS],
  number: [...EQ, ...CMP, ...IS],
  duration: [...EQ, ...CMP, ...IS],
  option: [...EQ, ...IS],
  rank: [],
  unsupported: [],
};

interface SystemField {
  kind: FieldKind;
  fieldId: string;
  history?: string[];
  sortable?: boolean;
  desc?: boolean;
}

const SYSTEM: Record<string, SystemField> = {};
function system(names: string[], field: SystemField): void {
  for (const name of names) SYSTEM[name] = field;
}
system(["project"], { kind: "project", fieldId: "project" });
system(["key", "issuekey", "issue", "id"], { kind: "issuekey", fieldId: "key" });
system(["issuetype", "type"], { kind: "issuetype", fieldId: "issuetype" });
system(["status"], { kind: "status", fieldId: "status", history: ["status"] });
system(["statuscategory"], { kind: "statusCategory", fieldId: "status", sortable: false });
system(["resolution"], { kind: "resolution", fieldId: "resolution", history: ["resolution"] });
system(["priority"], { kind: "priority", fieldId: "priority", history: ["priority"], desc: true });
system(["assignee"], { kind: "user", fieldId: "assignee", history: ["assignee"] });
system(["reporter"], { kind: "user", fieldId: "reporter", history: ["reporter"] });
system(["creator"], { kind: "user", fieldId: "creator" });
system(["labels", "label"], { kind: "labels", fieldId: "labels" });
system(["component"], { kind: "component", fieldId: "components" });
system(["fixversion"], { kind: "version", fieldId: "fixVersions", history: ["fixVersions", "Fix Version"] });
system(["affectedversion"], { kind: "version", fieldId: "versions" });
system(["parent"], { kind: "parent", fieldId: "parent" });
system(["summary"], { kind: "text", fieldId: "summary" });
system(["description"], { kind: "text", fieldId: "description", sortable: false });
system(["environment"], { kind: "text", fieldId: "environment", sortable: false });
system(["comment"], { kind: "text", fieldId: "comment", sortable: false });
system(["text"], { kind: "textAll", fieldId: "*text", sortable: false });
system(["created", "createddate"], { kind: "datetime", fieldId: "created", desc: true });
system(["updated", "updateddate"], { kind: "datetime", fieldId: "updated", desc: true });
system(["resolved", "resolutiondate"], { kind: "datetime", fieldId: "resolutiondate", desc: true });
system(["due", "duedate"], { kind: "date", fieldId: "duedate" });
system(["lastviewed"], { kind: "datetime", fieldId: "lastViewed", desc: true });
system(["timespent"], { kind: "duration", fieldId: "timespent" });
system(["originalestimate", "timeoriginalestimate"], { kind: "duration", fieldId: "timeoriginalestimate" });
system(["remainingestimate", "timeestimate"], { kind: "duration", fieldId: "timeestimate" });
system(["votes"], { kind: "number", fieldId: "votes", desc: true });
system(["watchers"], { kind: "number", fieldId: "watches", desc: true });

const CUSTOM_TYPES: [RegExp, FieldKind][] = [
  [/:gh-sprint$/, "sprint"],
  [/:gh-epic-link$/, "epicLink"],
  [/:gh-lexo-rank$/, "rank"],
  [/:(jsw-story-points|float)$/, "number"],
  [/:(textfield|textarea|url|gh-epic-label|readonlyfield)$/, "text"],
  [/:(select|radiobuttons|multiselect|multicheckboxes|cascadingselect)$/, "option"],
  [/:labels$/, "labels"],
  [/:datepicker$/, "date"],
  [/:datetime$/, "datetime"],
  [/:(userpicker|multiuserpicker)$/, "user"],
  [/:(version|multiversion)$/, "version"],
];

const SCHEMA_TYPES: Record<string, FieldKind> = {
  string: "text",
  number: "number",
  date: "date",
  datetime: "datetime",
  user: "user",
  option: "option",
  version: "version",
};

/** The kind of a custom field, from its schema. */
export function customKind(field: FieldDetails): FieldKind {
  const custom = field.schema?.custom ?? "";
  for (const [pattern, kind] of CUSTOM_TYPES) if (pattern.test(custom)) return kind;
  const type = field.schema?.type ?? "";
  if (type === "array") {
    const items = field.schema?.items ?? "";
    if (items === "string") return "labels";
    return SCHEMA_TYPES[items] === "text" ? "labels" : (SCHEMA_TYPES[items] ?? "unsupported");
  }
  return SCHEMA_TYPES[type] ?? "unsupported";
}

/** Finds a custom field of the site by its plugin type suffix (e.g. ":gh-sprint"). */
export function findCustomField(index: SiteIndex, suffix: string): FieldDetails | undefined {
  return index.site.fields.find((f) => f.schema?.custom?.endsWith(suffix));
}

/**
 * Resolves a field reference the way Jira does: system clause names first, then custom fields by clause name,
 * name or `cf[N]`. Returns `undefined` when the field does not exist for the caller.
 */
export function resolveField(ref: FieldRef, index: SiteIndex): FieldSpec | undefined {
  if (ref.property) return undefined;
  const lower = ref.name.toLowerCase();
  const sys = SYSTEM[lower];
  if (sys) return fromSystem(sys, ref.name);
  if (lower === "sprint" || lower === "epic link") {
    const custom = findCustomField(index, lower === "sprint" ? ":gh-sprint" : ":gh-epic-link");
    if (custom) return fromCustom(custom, ref.name);
  }
  const key = ref.cfId !== undefined ? `cf[${ref.cfId}]` : lower;
  const candidates = index.fieldsByClause.get(key) ?? [];
  const field =
    ref.cfId !== undefined
      ? (candidates.find((f) => f.custom) ?? index.fieldsById.get(`customfield_${ref.cfId}`))
      : candidates.find((f) => f.custom);
  return field ? fromCustom(field, ref.name) : undefined;
}

function fromSystem(sys: SystemField, name: string): FieldSpec {
  const operators = sys.history ? [...OPERATORS[sys.kind], ...WAS] : OPERATORS[sys.kind];
  const spec: FieldSpec = {
    kind: sys.kind,
    fieldId: sys.fieldId,
    name,
    operators,
    sortable: sys.sortable ?? true,
  };
  if (sys.history) spec.history = sys.history;
  if (sys.desc) spec.defaultDescending = true;
  return spec;
}

function fromCustom(field: FieldDetails, name: string): FieldSpec {
  const kind = customKind(field);
  return {
    kind,
    fieldId: field.id,
    name,
    operators: OPERATORS[kind],
    sortable: kind !== "unsupported" && field.orderable !== false,
  };
}
