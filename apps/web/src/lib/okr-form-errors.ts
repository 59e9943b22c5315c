import { ApiError } from "../api/api-error";
import { capitalise, normaliseFieldName } from "./form-errors";

/** Where the server names a field (`measure.target`), and the editor field it belongs to. */
const SERVER_TO_FORM: Readonly<Record<string, string>> = {
  "measure.start": "start",
  "measure.target": "target",
  "measure.unit": "unit",
  "dataSource.jql": "jql",
  "dataSource.connectionId": "connectionId",
  "dataSource.metric": "metric",
};

/**
 * Splits a failed OKR save between the form's fields and one message above it: validation details go to
 * their inputs, Jira's own messages about the query (422, `details.jira`) go to the JQL field, and
 * `metric_not_offered` to "Track progress by".
 */
export function okrFormErrors(
  error: unknown,
  knownFields: readonly string[],
): { fields: Record<string, string>; formMessage: string | null } {
  if (!(error instanceof ApiError)) {
    return { fields: {}, formMessage: error instanceof Error ? error.message : "Something went wrong." };
  }
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [raw, message] of Object.entries(error.fieldErrors)) {
    const name = normaliseFieldName(raw);
    const field = SERVER_TO_FORM[name] ?? name;
    if (knownFields.includes(field)) fields[field] = capitalise(message);
    else rest.push(`${capitalise(name)}: ${message}.`);
  }
  const jira = error.details?.jira;
  if (Array.isArray(jira) && knownFields.includes("jql")) {
    fields.jql = jira.filter((m): m is string => typeof m === "string").join(" ") || error.message;
  }
  if (error.code === "metric_not_offered" && knownFields.includes("metric")) fields.metric = error.message;
  const hasFields = Object.keys(fields).length > 0;
  const formMessage = rest.length > 0 ? rest.join(" ") : hasFields ? null : error.message;
  return { fields, formMessage };
}
