import { HttpResponse, http, type JsonBodyType } from "msw";
import { setupServer } from "msw/node";

/**
 * The one mock network of the web tests: msw intercepts `fetch` at the request level, so the app's real
 * client (URL building, headers, JSON, error mapping) runs in every test. Started by `setup.ts`; handlers
 * added in a test (`server.use`, {@link mockApi}) are reset after it. A request no handler answers fails the
 * test (`onUnhandledRequest: "error"`).
 */
export const server = setupServer();

/** A canned response for {@link mockApi}: status and JSON body. */
export interface MockResponse {
  status: number;
  body?: unknown;
}

/** Handler keyed by `"METHOD /path"` (msw path syntax: `:id` params; query string ignored; a function gets the body and URL). */
export type MockRoutes = Record<string, MockResponse | ((body: unknown, url: URL) => MockResponse)>;

/** One request the app made, as {@link mockApi} recorded it. */
export interface RecordedCall {
  method: string;
  /** Path without the query string. */
  path: string;
  url: URL;
  /** The parsed JSON body, undefined when there is none. */
  body: unknown;
}

/** The requests the app made during a test, in order. */
export interface ApiCalls {
  readonly all: RecordedCall[];
  /** The calls to `"METHOD /path"` (exact path). */
  to(key: string): RecordedCall[];
  /** The JSON bodies of the calls to `"METHOD /path"`, in order. */
  bodies(key: string): unknown[];
  /** The JSON body of the last call to `"METHOD /path"`; fails when there was none. */
  lastBody(key: string): unknown;
}

const METHODS = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
} as const;

function isMethod(method: string): method is keyof typeof METHODS {
  return method in METHODS;
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function reply(response: MockResponse): Response {
  if (response.body === undefined) return new HttpResponse(null, { status: response.status });
  return HttpResponse.json(response.body as JsonBodyType, { status: response.status });
}

/** Starts recording every request the app makes (answered or not) until the test ends. */
export function recordCalls(): ApiCalls {
  const all: RecordedCall[] = [];
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    const call: RecordedCall = { method: request.method, path: url.pathname, url, body: undefined };
    all.push(call);
    void readBody(request.clone()).then((body) => {
      call.body = body;
    });
  });
  const to = (key: string) => all.filter((call) => `${call.method} ${call.path}` === key);
  return {
    all,
    to,
    bodies: (key) => to(key).map((call) => call.body),
    lastBody(key) {
      const last = to(key).at(-1);
      if (!last)
        throw new Error(`no call to ${key}; calls: ${all.map((c) => `${c.method} ${c.path}`).join(", ")}`);
      return last.body;
    },
  };
}

/**
 * Answers `routes` for this test and records the app's requests. Unlisted API routes answer 404 with the
 * API's error shape, as the server does for an unknown resource.
 */
export function mockApi(routes: MockRoutes): ApiCalls {
  const handlers = Object.entries(routes).map(([key, route]) => {
    const [method = "", path = ""] = key.split(" ");
    if (!isMethod(method)) throw new Error(`mockApi: unknown method in "${key}"`);
    return METHODS[method](path, async ({ request }) => {
      const response =
        typeof route === "function" ? route(await readBody(request), new URL(request.url)) : route;
      return reply(response);
    });
  });
  server.use(
    ...handlers,
    http.all("/api/*", ({ request }) =>
      HttpResponse.json(
        { error: { code: "not_found", message: `${request.method} ${new URL(request.url).pathname}` } },
        { status: 404 },
      ),
    ),
  );
  return recordCalls();
}
