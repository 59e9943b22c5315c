import type { Operand, Operator } from "./ast.ts";
import { addError, type CompileContext } from "./compile-context.ts";
import { customKind, type FieldSpec } from "./field-registry.ts";
import { isEmptyValue } from "./field-values.ts";
import { validation } from "./messages.ts";
import { compileTextQuery, indexText, plainText, type TextIndex } from "./text-match.ts";
import type { StoredIssue } from "./types.ts";

const TEXT_SYSTEM_FIELDS = ["summary", "description", "environment", "comment"];

/** Compiles `field ~ "words"` / `field !~ "words"` (and `text ~ …` over every text field). */
export function compileTextClause(
  spec: FieldSpec,
  operator: Operator,
  operand: Operand,
  ctx: CompileContext,
) {
  const index = ctx.index;
  if (operand.kind === "empty") {
    const wantEmpty = operator === "~";
    return (issue: StoredIssue) => isEmptyValue(spec, issue, index) === wantEmpty;
  }
  if (operand.kind !== "value") {
    const shown = operand.kind === "function" ? operand.name : operand.encoded;
    addError(ctx, `A value provided by the function '${shown}' is invalid for the field '${spec.name}'.`);
    return () => false;
  }
  const query = compileTextQuery(operand.value);
  if (!query) {
    addError(ctx, validation.textQueryInvalid(operand.value, spec.name));
    return () => false;
  }
  const fieldIds =
    spec.kind === "textAll"
      ? [
          ...TEXT_SYSTEM_FIELDS,
          ...index.site.fields.filter((f) => f.custom && customKind(f) === "text").map((f) => f.id),
        ]
      : [spec.fieldId];
  const cache = new WeakMap<StoredIssue, Map<string, TextIndex | null>>();
  const matchesField = (issue: StoredIssue, fieldId: string): boolean => {
    let perIssue = cache.get(issue);
    if (!perIssue) {
      perIssue = new Map();
      cache.set(issue, perIssue);
    }
    let text = perIssue.get(fieldId);
    if (text === undefined) {
      const plain = plainText(issue.fields[fieldId]).toLowerCase();
      text = query.required.every((fragment) => plain.includes(fragment)) ? indexText(plain) : null;
      perIssue.set(fieldId, text);
    }
    return text !== null && query.matches(text);
  };
  const matches = (issue: StoredIssue) => fieldIds.some((id) => matchesField(issue, id));
  if (operator === "~") return matches;
  return (issue: StoredIssue) => !isEmptyValue(spec, issue, index) && !matches(issue);
}
