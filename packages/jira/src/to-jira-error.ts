/** The one exhaustive mapping from "what happened on the wire" to a typed {@link JiraError}. */
import { JiraError } from "./jira-error.ts";

/** What happened when a Jira call did not produce a usable answer. */
export type JiraFailure =
  /** Jira answered with a non-2xx status (redirects already resolved or refused). */
  | { type: "http"; status: number; headers: Headers; body: string }
  /** `fetch` rejected (DNS, TCP, TLS, reset) or our own timeout fired (`timedOut`). */
  | { type: "network"; error: unknown; timedOut: boolean }
  /** A 2xx whose body is not the JSON we expect (truncated, HTML, schema mismatch). */
  | { type: "malformed"; status: number; detail: string }
  /** The outbound guard refused the URL (SSRF protection, write refused, redirect off site). */
  | { type: "blocked"; reason: string };

/** Context for the message: which call failed, and "now" for HTTP-date `Retry-After`. */
export interface FailureContext {
  endpoint?: string;
  now?: Date;
}

const MAX_TEXT = 300;

/** Jira's own messages from an error body: `{errorMessages, errors}`, `{message}`, or plain text/XML. */
export function extractJiraMessages(body: string): string[] {
  const trimmed = body.trim();
  if (trimmed === "") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    const text = trimmed
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    return text === "" ? [] : [text.slice(0, MAX_TEXT)];
  }
  if (typeof parsed !== "object" || parsed === null) return [];
  const messages: string[] = [];
  const record = parsed as Record<string, unknown>;
  const errorMessages = record.errorMessages;
  if (Array.isArray(errorMessages)) {
    for (const m of errorMessages) if (typeof m === "string") messages.push(m);
  }
  const errors = record.errors;
  if (typeof errors === "object" && errors !== null && !Array.isArray(errors)) {
    for (const [field, m] of Object.entries(errors))
      if (typeof m === "string") messages.push(`${field}: ${m}`);
  }
  if (typeof record.message === "string") messages.push(record.message);
  return messages.filter((m) => m.trim() !== "");
}

/**
 * Seconds to wait from `Retry-After` (delta-seconds or HTTP-date), else from `X-RateLimit-Reset` (ISO).
 * `undefined` when neither header is usable.
 */
export function parseRetryAfterSeconds(headers: Headers, now: Date = new Date()): number | undefined {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter !== undefined && retryAfter !== "") {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter));
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
  }
  const reset = headers.get("x-ratelimit-reset")?.trim();
  if (reset !== undefined && reset !== "") {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
  }
  return undefined;
}

/** Node/undici error codes that mean the request hit a timeout below us rather than an unreachable host. */
const TIMEOUT_CODES = new Set([
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** The `code` of an error or of its `cause` chain (undici wraps socket errors in `TypeError: fetch failed`). */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

function httpKind(status: number): JiraError["kind"] {
  if (status === 401) return "bad_credentials";
  if (status === 403) return "forbidden";
  if (status === 404 || status === 410) return "not_found";
  if (status === 400) return "invalid_jql";
  if (status === 429) return "rate_limited";
  if (status === 408) return "timeout";
  if (status >= 500 && status <= 599) return "unavailable";
  if (status >= 300 && status <= 399) return "blocked_url";
  return "malformed_response";
}

/**
 * Maps any failure to a {@link JiraError}. Exhaustive over {@link JiraFailure}:
 *
 * | failure | kind |
 * | --- | --- |
 * | 401 | bad_credentials |
 * | 403 | forbidden |
 * | 404, 410 (removed API) | not_found |
 * | 400 (JQL invalid/unbounded, bad page token, anonymous search) | invalid_jql, with Jira's messages (a refused page token becomes `page_token_expired` in the client's paged reads) |
 * | 429 | rate_limited, retryAfterSeconds from Retry-After / X-RateLimit-Reset |
 * | 408 | timeout |
 * | 5xx | unavailable (retryAfterSeconds when given) |
 * | 3xx not followed | blocked_url |
 * | any other status | malformed_response |
 * | our timeout / abort / ETIMEDOUT-like codes | timeout |
 * | other network errors (reset, refused, DNS, TLS) | unreachable |
 * | 2xx with unparsable / unexpected body | malformed_response |
 * | guard refusal | blocked_url |
 */
export function toJiraError(failure: JiraFailure, context: FailureContext = {}): JiraError {
  const where = context.endpoint === undefined ? "Jira" : `Jira (${context.endpoint})`;
  const base = context.endpoint === undefined ? {} : { endpoint: context.endpoint };
  switch (failure.type) {
    case "http": {
      const kind = httpKind(failure.status);
      const jiraMessages = extractJiraMessages(failure.body);
      const retryAfterSeconds =
        kind === "rate_limited" || kind === "unavailable"
          ? parseRetryAfterSeconds(failure.headers, context.now)
          : undefined;
      const said = jiraMessages.length > 0 ? `: ${jiraMessages.join(" ")}` : "";
      return new JiraError(kind, `${where} answered ${failure.status}${said}`, {
        ...base,
        status: failure.status,
        jiraMessages,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      });
    }
    case "network": {
      const code = networkErrorCode(failure.error);
      const timedOut =
        failure.timedOut || isAbortError(failure.error) || (code !== undefined && TIMEOUT_CODES.has(code));
      if (timedOut)
        return new JiraError("timeout", `${where} did not answer in time`, { ...base, cause: failure.error });
      const detail = code ?? (failure.error instanceof Error ? failure.error.message : String(failure.error));
      return new JiraError("unreachable", `${where} is unreachable (${detail})`, {
        ...base,
        cause: failure.error,
      });
    }
    case "malformed":
      return new JiraError("malformed_response", `${where} sent an unexpected response: ${failure.detail}`, {
        ...base,
        status: failure.status,
      });
    case "blocked":
      return new JiraError("blocked_url", `Refused to call ${where}: ${failure.reason}`, base);
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}
