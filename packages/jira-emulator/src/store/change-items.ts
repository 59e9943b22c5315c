/** Turns a field change into Jira changelog items (`field`, `fieldtype`, `fieldId`, from/to and their strings). */
import { adfToText } from "./field-values.ts";
import type { ChangelogItem, FieldDetails } from "./types.ts";

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** The changelog `field` name Jira uses for a system field id. */
const SYSTEM_NAMES: Record<string, string> = {
  fixVersions: "Fix Version",
  versions: "Version",
  components: "Component",
  parent: "IssueParentAssociation",
  timeoriginalestimate: "timeoriginalestimate",
  timeestimate: "timeestimate",
  timespent: "timespent",
};

function idAndString(value: unknown): { id: string | null; text: string | null } {
  if (value === null || value === undefined) return { id: null, text: null };
  if (typeof value === "string") return { id: null, text: value };
  if (typeof value === "number") return { id: String(value), text: String(value) };
  if (Array.isArray(value)) {
    if (value.length === 0) return { id: null, text: null };
    const parts = value.map(idAndString);
    const ids = parts.map((p) => p.id).filter((id): id is string => id !== null);
    return { id: ids.length > 0 ? ids.join(", ") : null, text: parts.map((p) => p.text ?? "").join(", ") };
  }
  if (isObj(value)) {
    if (value.type === "doc") return { id: null, text: adfToText(value) };
    const id = value.accountId ?? value.id;
    const text = value.displayName ?? value.name ?? value.key ?? value.value;
    return {
      id: id === undefined ? null : String(id),
      text: text === undefined ? null : String(text),
    };
  }
  return { id: null, text: String(value) };
}

/** The id of an array entry (component, version), used to diff multi-valued fields. */
const entryId = (value: unknown): string => (isObj(value) ? String(value.id ?? value.name) : String(value));

/** Builds the changelog items for one field going from `before` to `after`. */
export function changeItems(
  fieldId: string,
  field: FieldDetails | undefined,
  before: unknown,
  after: unknown,
): ChangelogItem[] {
  const custom = field?.custom === true;
  const name = custom ? (field?.name ?? fieldId) : (SYSTEM_NAMES[fieldId] ?? fieldId);
  const base = { field: name, fieldtype: custom ? "custom" : "jira", fieldId };
  if (fieldId === "labels") {
    const join = (v: unknown) => (Array.isArray(v) && v.length > 0 ? v.join(" ") : null);
    return [{ ...base, from: null, fromString: join(before), to: null, toString: join(after) }];
  }
  if (
    (fieldId === "components" || fieldId === "fixVersions" || fieldId === "versions") &&
    Array.isArray(after)
  ) {
    const old = Array.isArray(before) ? before : [];
    const oldIds = new Set(old.map(entryId));
    const newIds = new Set(after.map(entryId));
    const items: ChangelogItem[] = [];
    for (const removed of old.filter((v) => !newIds.has(entryId(v)))) {
      const { id, text } = idAndString(removed);
      items.push({ ...base, from: id, fromString: text, to: null, toString: null });
    }
    for (const added of after.filter((v) => !oldIds.has(entryId(v)))) {
      const { id, text } = idAndString(added);
      items.push({ ...base, from: null, fromString: null, to: id, toString: text });
    }
    return items;
  }
  const from = idAndString(before);
  const to = idAndString(after);
  if (fieldId === "parent") {
    const key = (v: unknown) => (isObj(v) && typeof v.key === "string" ? v.key : null);
    return [
      {
        field: name,
        fieldtype: "jira",
        from: from.id,
        fromString: key(before),
        to: to.id,
        toString: key(after),
      },
    ];
  }
  return [{ ...base, from: from.id, fromString: from.text, to: to.id, toString: to.text }];
}
