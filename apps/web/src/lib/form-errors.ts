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
  metric_not_offered: "metric",
};

/** Where the server names a nested field (`measure.target`), and the form field it belongs to. */
const serverToForm: Readonly<Record<string, string>> = {
  "measure.start": "start",
  "measure.target": "target",
  "measure.unit": "unit",
  "dataSource.jql": "jql",
  "dataSource.connectionId": "connectionId",
  "dataSource.metric": "metric",
};

/** `body.email` → `email`: the server names fields by where they were in the request. */
export function normaliseFieldName(field: string): string {
  return field.replace(/^(body|query|params)\./, "");
}

/** Server field messages are fragments ("must be at least 8 characters"): capitalise them for display. */
export function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Maps an API error onto the fields a form has: known field errors go next to their inputs (a measure's or
 * data source's nested field to its editor field, Jira's own messages about a query — 422,
 * `details.jira` — to `jql`); the rest (and errors without field details) become a form-level message.
 */
export function splitFormError(error: unknown, knownFields: readonly string[]): SplitFormError {
  if (!(error instanceof ApiError)) {
    return { fields: {}, formMessage: error instanceof Error ? error.message : "Something went wrong." };
  }
  const fields: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [rawField, message] of Object.entries(error.fieldErrors)) {
    const name = normaliseFieldName(rawField);
    const field = serverToForm[name] ?? name;
    if (knownFields.includes(field) && !fields[field]) fields[field] = capitalise(message);
    else unknown.push(`${capitalise(name)}: ${message}.`);
  }
  const jira = error.details?.jira;
  if (Array.isArray(jira) && knownFields.includes("jql")) {
    fields.jql = jira.filter((m): m is string => typeof m === "string").join(" ") || error.message;
  }
  const mapped = codeToField[error.code];
  if (mapped && knownFields.includes(mapped) && !fields[mapped]) fields[mapped] = error.message;
  const hasFields = Object.keys(fields).length > 0;
  let formMessage: string | null = null;
  if (unknown.length > 0) formMessage = unknown.join(" ");
  else if (!hasFields) formMessage = error.message;
  return { fields, formMessage };
}
