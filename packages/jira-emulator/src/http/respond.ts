/** Response helpers producing Jira's bodies and headers. */

const JSON_TYPE = "application/json;charset=UTF-8";

/** A JSON response with Jira's content type. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_TYPE, ...headers } });
}

/** Jira's `ErrorCollection` body: `{errorMessages, errors}`. */
export function jiraError(
  status: number,
  errorMessages: string[],
  errors: Record<string, string> = {},
): Response {
  return json(status, { errorMessages, errors });
}

/** 204 No Content. */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** The 401 body real Jira Cloud sends for bad or missing credentials. */
export function unauthorized(): Response {
  return json(401, { message: "Client must be authenticated to access this resource.", "status-code": 401 });
}

/** Thrown by handlers to answer with a Jira error. */
export class JiraHttpError extends Error {
  readonly status: number;
  readonly errorMessages: string[];
  readonly errors: Record<string, string>;
  constructor(status: number, errorMessages: string[], errors: Record<string, string> = {}) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
    this.status = status;
    this.errorMessages = errorMessages;
    this.errors = errors;
  }
}

/** The 404 Jira answers for a missing or invisible issue. */
export const ISSUE_NOT_FOUND = "Issue does not exist or you do not have permission to see it.";
