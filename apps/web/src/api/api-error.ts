/** Extra information attached to an API error; `fields` maps request field names to human messages. */
export interface ApiErrorDetails {
  fields?: Record<string, string>;
  [key: string]: unknown;
}

/** An error returned by the Goalpost API (or synthesised for network failures and non-JSON responses). */
export class ApiError extends Error {
  /** HTTP status; 0 when the request never reached the server. */
  readonly status: number;
  /** Machine-readable snake_case code, e.g. `email_taken` or `unauthenticated`. */
  readonly code: string;
  readonly details: ApiErrorDetails | undefined;

  constructor(status: number, code: string, message: string, details?: ApiErrorDetails) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Per-field validation messages (empty object when there are none). */
  get fieldErrors(): Record<string, string> {
    return this.details?.fields ?? {};
  }
}

/** Message shown when a sign-in or other endpoint rate-limits the user. */
export const RATE_LIMIT_MESSAGE = "Too many attempts, try again in a minute.";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseFields(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(value)) {
    if (typeof message === "string") fields[key] = message;
  }
  return fields;
}

function parseDetails(value: unknown): ApiErrorDetails | undefined {
  if (!isRecord(value)) return undefined;
  const fields = parseFields(value.fields);
  return fields ? { ...value, fields } : { ...value, fields: undefined };
}

function fallbackMessage(status: number): string {
  if (status === 401) return "You need to sign in to continue.";
  if (status === 403) return "You don't have permission to do that.";
  if (status === 404) return "We couldn't find what you were looking for.";
  if (status >= 500) return `The server had a problem (HTTP ${status}). Please try again.`;
  return `Something went wrong (HTTP ${status}). Please try again.`;
}

function fallbackCode(status: number): string {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  return `http_${status}`;
}

/**
 * Turns a non-2xx response body into an {@link ApiError}. Understands Goalpost's envelope
 * (`{ error: { code, message, details } }`) and better-auth's flat format (`{ code, message }`);
 * anything else gets a generic message based on the status.
 */
export function toApiError(status: number, body: unknown): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, details } = body.error;
    return new ApiError(
      status,
      typeof code === "string" && code ? code : fallbackCode(status),
      typeof message === "string" && message ? message : fallbackMessage(status),
      parseDetails(details),
    );
  }
  if (status === 429) return new ApiError(status, "rate_limited", RATE_LIMIT_MESSAGE);
  if (isRecord(body) && (typeof body.code === "string" || typeof body.message === "string")) {
    const code = typeof body.code === "string" && body.code ? body.code.toLowerCase() : fallbackCode(status);
    const message = typeof body.message === "string" && body.message ? body.message : fallbackMessage(status);
    return new ApiError(status, code, message);
  }
  return new ApiError(status, fallbackCode(status), fallbackMessage(status));
}

/** Error used when `fetch` itself fails (offline, DNS, server down). */
export function networkError(): ApiError {
  return new ApiError(0, "network_error", "Could not reach the server. Check your connection and try again.");
}

/** True when `error` is an {@link ApiError} with the given status. */
export function isApiStatus(error: unknown, status: number): boolean {
  return error instanceof ApiError && error.status === status;
}

/** A human message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}
