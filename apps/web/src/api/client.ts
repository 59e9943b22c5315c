import createClient from "openapi-fetch";
import { ApiError, networkError, toApiError } from "./api-error";
import type { paths } from "./generated/openapi";

export { ApiError } from "./api-error";

/** HTTP methods used by the API. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Options for {@link apiRequest}. */
export interface RequestOptions {
  method?: HttpMethod;
  /** Serialised as JSON when present. */
  body?: unknown;
  signal?: AbortSignal;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Calls the same-origin API with cookies and JSON. Resolves with the parsed body (undefined for 204)
 * and rejects with an {@link ApiError} for network failures and non-2xx responses.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = "GET", body, signal } = options;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "include",
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkError();
  }
  const data = await readJson(response);
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

/** Thin verb helpers over {@link apiRequest}, for better-auth's `/api/auth/*` (not in the OpenAPI document). */
export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body: unknown = {}) => apiRequest<T>(path, { method: "POST", body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: "PUT", body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: "PATCH", body }),
  delete: (path: string) => apiRequest<void>(path, { method: "DELETE" }),
};

/** True for errors that should not be retried (client errors and our own ApiErrors below 500). */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/**
 * The typed client of the API, generated from its OpenAPI document (`npm run gen:api`): paths, parameters,
 * bodies and answers are checked against the server's schemas. Wrap each call in {@link answer}.
 */
export const client = createClient<paths>({
  // Absolute, so the same code runs in the browser and in the tests' DOM; same-origin either way.
  baseUrl: globalThis.location?.origin ?? "",
  credentials: "include",
  headers: { Accept: "application/json" },
  // The fetch of the moment, not the one at import: the tests' mock network patches it later.
  fetch: (request) => globalThis.fetch(request),
});

/** What a {@link client} call resolves to. */
interface ClientResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/**
 * Resolves with a {@link client} call's answer (undefined for 204) and rejects with an {@link ApiError} for
 * network failures and non-2xx answers, as {@link apiRequest} does.
 */
export async function answer<Data>(call: Promise<ClientResult<Data>>): Promise<Data> {
  let result: ClientResult<Data>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkError();
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as Data;
}
