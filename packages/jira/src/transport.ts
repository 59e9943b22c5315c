/**
 * The HTTP transport under jira.js: jira.js builds each request (path, query, body, response schema) and hands it
 * to this `Client`, which adds what jira.js's own fetch loop lacks — the SSRF guard, a read-only allow-list,
 * per-attempt timeouts, a per-site concurrency limit, same-site-only redirects, full-jitter retries honouring
 * Retry-After, and typed {@link JiraError}s.
 */
import type { Client, SendRequestOptions } from "jira.js/core";
import { type RetryPolicy, retryDelayMs } from "./backoff.ts";
import { JiraError } from "./jira-error.ts";
import { blockedAddressIn, pinnedDispatcher } from "./pinned-dispatcher.ts";
import type { SiteLimiter } from "./site-limiter.ts";
import { toJiraError } from "./to-jira-error.ts";
import { assertAllowedJiraUrl, type HostResolver, isAllowedHost } from "./url-guard.ts";

/** POST endpoints that only read (Jira uses POST for long queries); every other POST/PUT/DELETE is refused. */
const READ_ONLY_POSTS: ReadonlySet<string> = new Set([
  "/rest/api/3/search/jql",
  "/rest/api/3/search/approximate-count",
  "/rest/api/3/issue/bulkfetch",
  "/rest/api/3/jql/parse",
  "/rest/api/2/search",
]);

const MAX_REDIRECTS = 3;

/** What the transport needs. */
export interface TransportOptions {
  baseUrl: URL;
  /** The `Authorization` header value (basic or bearer), or null for an anonymous call. Never logged. */
  authorization: string | null;
  allowHosts: readonly string[];
  timeoutMs: number;
  maxConcurrency: number;
  retry: RetryPolicy;
  limiter: SiteLimiter;
  fetch: typeof fetch;
  resolve?: HostResolver;
  /** `throw`: a response that does not match jira.js's schema is `malformed_response`; `ignore`: accept it. */
  onSchemaMismatch: "throw" | "ignore";
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => Date;
}

/** Query string the way Jira reads it: arrays as repeated parameters, undefined dropped. */
export function buildSearch(params: Record<string, unknown> | undefined): string {
  if (params === undefined) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== undefined && item !== null) search.append(key, String(item));
    } else if (typeof value === "object") {
      search.set(key, JSON.stringify(value));
    } else {
      search.set(key, String(value));
    }
  }
  const query = search.toString();
  return query === "" ? "" : `?${query}`;
}

/** Jira Cloud's basic auth: the account e-mail and an API token. */
export function basicAuth(email: string, apiToken: string): string {
  return `Basic ${Buffer.from(`${email}:${apiToken}`, "utf8").toString("base64")}`;
}

/** Jira Data Center's personal access token, sent as a bearer token. */
export function bearerAuth(personalAccessToken: string): string {
  return `Bearer ${personalAccessToken}`;
}

interface Attempt {
  url: URL;
  method: string;
  body: string | undefined;
  endpoint: string;
}

/** Creates the jira.js `Client` that performs every Goalpost call to one Jira site. */
export function createTransport(options: TransportOptions): Client {
  const authorization = options.authorization;
  const site = options.baseUrl.origin;
  const basePath = options.baseUrl.pathname.replace(/\/+$/, "");
  // Redirects never leave the site, so one decision covers every request: a site in JIRA_ALLOW_HOSTS connects
  // as the system resolves it; any other connects only to addresses the guard allows (pinned at connect time).
  const dispatcher = isAllowedHost(options.baseUrl, options.allowHosts)
    ? undefined
    : pinnedDispatcher(options.resolve);

  /** One HTTP exchange (following same-site redirects), inside a concurrency slot and a timeout. */
  async function once(attempt: Attempt): Promise<{ status: number; headers: Headers; text: string }> {
    const guardOptions = {
      allowHosts: options.allowHosts,
      ...(options.resolve === undefined ? {} : { resolve: options.resolve }),
    };
    const release = await options.limiter.forSite(options.baseUrl.host, options.maxConcurrency).acquire();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      let url = attempt.url;
      let method = attempt.method;
      let body = attempt.body;
      for (let hop = 0; ; hop++) {
        await assertAllowedJiraUrl(url, guardOptions);
        let response: Response;
        let text: string;
        try {
          response = await options.fetch(url, {
            method,
            redirect: "manual",
            signal: controller.signal,
            headers: {
              accept: "application/json",
              ...(authorization === null ? {} : { authorization }),
              ...(body === undefined ? {} : { "content-type": "application/json" }),
              "x-atlassian-token": "no-check",
            },
            ...(body === undefined ? {} : { body }),
            ...(dispatcher === undefined ? {} : { dispatcher }),
          });
          text = await response.text();
        } catch (error) {
          const refused = blockedAddressIn(error);
          if (refused !== undefined) throw toJiraError({ type: "blocked", reason: refused.message }, attempt);
          throw toJiraError(
            { type: "network", error, timedOut: controller.signal.aborted },
            { endpoint: attempt.endpoint },
          );
        }
        if (response.status < 300 || response.status > 399) {
          return { status: response.status, headers: response.headers, text };
        }
        const location = response.headers.get("location");
        if (location === null) {
          return { status: response.status, headers: response.headers, text };
        }
        const next = new URL(location, url);
        if (next.origin !== site) {
          throw toJiraError({ type: "blocked", reason: `redirect off the site to ${next.origin}` }, attempt);
        }
        if (hop + 1 >= MAX_REDIRECTS) {
          throw toJiraError({ type: "blocked", reason: "too many redirects" }, attempt);
        }
        if (response.status !== 307 && response.status !== 308) {
          method = "GET";
          body = undefined;
        }
        url = next;
      }
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  function decode<T>(request: SendRequestOptions<T>, status: number, text: string, endpoint: string): T {
    if (status === 204 || text === "") {
      if (request.schema === undefined) return undefined as T;
      throw toJiraError({ type: "malformed", status, detail: "empty body" }, { endpoint });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw toJiraError({ type: "malformed", status, detail: "body is not valid JSON" }, { endpoint });
    }
    if (request.schema !== undefined && options.onSchemaMismatch === "throw") {
      const parsed = request.schema.safeParse(data);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const detail = first === undefined ? "schema mismatch" : `${first.path.join(".")}: ${first.message}`;
        throw toJiraError({ type: "malformed", status, detail }, { endpoint });
      }
    }
    // The raw body is returned, not zod's parse: zod strips keys it does not know, such as custom fields.
    return data as T;
  }

  return {
    async sendRequest<T>(request: SendRequestOptions<T>): Promise<T> {
      const method = (request.method ?? "GET").toUpperCase();
      const path = request.url.startsWith("/") ? request.url : `/${request.url}`;
      const endpoint = `${method} ${path}`;
      if (method !== "GET" && !(method === "POST" && READ_ONLY_POSTS.has(path))) {
        throw toJiraError({ type: "blocked", reason: "Goalpost only reads from Jira" }, { endpoint });
      }
      const url = new URL(`${site}${basePath}${path}${buildSearch(request.searchParams)}`);
      const body =
        request.body === undefined || request.body === null ? undefined : JSON.stringify(request.body);
      for (let attemptNo = 0; ; attemptNo++) {
        let error: JiraError;
        try {
          const { status, headers, text } = await once({ url, method, body, endpoint });
          if (status >= 200 && status < 300) return decode(request, status, text, endpoint);
          error = toJiraError(
            { type: "http", status, headers, body: text },
            { endpoint, now: options.now() },
          );
        } catch (thrown) {
          if (!(thrown instanceof JiraError)) throw thrown;
          error = thrown;
        }
        const delay = retryDelayMs(error, attemptNo, options.retry, options.random);
        if (delay === undefined) throw error;
        await options.sleep(delay);
      }
    },
  };
}
