import { ApiError } from "../api/api-error";

/** Result of splitting an API error between form fields and a form-level message. */
export interface SplitFormError {
  /** Messages for fields the form knows about. */
  fields: Record<string, string>;
  /** Message to show above the form (null when every problem maps to a field). */
  formMessage: string | null;
}

/** Extra per-code field mapping, e.g. `email_taken` belongs to the email field. */
const codeToField: Record<string, string> = {
  email_taken: "email",
};

/**
 * Maps an API error onto the fields a form has: known field errors go next to their inputs; the rest
 * (and errors without field details) become a form-level message.
 */
export function splitFormError(error: unknown, knownFields: readonly string[]): SplitFormError {
  if (!(error instanceof ApiError)) {
    return { fields: {}, formMessage: error instanceof Error ? error.message : "Something went wrong." };
  }
  const fields: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    if (knownFields.includes(field)) fields[field] = message;
    else unknown.push(message);
  }
  const mapped = codeToField[error.code];
  if (mapped && knownFields.includes(mapped) && !fields[mapped]) fields[mapped] = error.message;
  const hasFields = Object.keys(fields).length > 0;
  let formMessage: string | null = null;
  if (unknown.length > 0) formMessage = unknown.join(" ");
  else if (!hasFields) formMessage = error.message;
  return { fields, formMessage };
}
