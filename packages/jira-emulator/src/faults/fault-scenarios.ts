/**
 * Test support: one scenario per fault type, each settable by CLI flags and by `PUT /_emulator/faults`, and a check
 * made over real HTTP. `faults-http.int.test.ts` and `faults-cli.int.test.ts` run the same table both ways.
 */
import { expect } from "vitest";
import type { FaultConfig } from "./fault-config.ts";

/** Site admins of the scenario sites. */
export const ADA: [string, string] = ["ada@example.com", "token123"];
export const BOB: [string, string] = ["bob@example.com", "bob-token"];

const auth = ([email, token]: [string, string]) => ({
  authorization: `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}`,
  accept: "application/json",
});

/** A fault type: how to switch it on and what a client then sees. */
export interface FaultScenario {
  name: string;
  cli: string[];
  faults: Partial<FaultConfig>;
  /** `project` is a key of a project with more than two issues. */
  check(url: string, project: string): Promise<void>;
  /** Fault name the request log records. */
  logged: string | null;
}

const get = (url: string, path: string, as: [string, string] = ADA, init: RequestInit = {}) =>
  fetch(`${url}${path}`, { headers: auth(as), ...init });

const searchPage = (url: string, project: string, token?: string) =>
  get(
    url,
    `/rest/api/3/search/jql?jql=${encodeURIComponent(`project = ${project} ORDER BY key`)}&maxResults=2` +
      (token === undefined ? "" : `&nextPageToken=${encodeURIComponent(token)}`),
  );

async function firstToken(url: string, project: string): Promise<string> {
  const first = await searchPage(url, project);
  expect(first.status).toBe(200);
  const token = ((await first.json()) as { nextPageToken?: string }).nextPageToken;
  expect(token).toBeTruthy();
  return token ?? "";
}

export const FAULT_SCENARIOS: FaultScenario[] = [
  {
    name: "latency with jitter",
    cli: ["--latency", "150", "--jitter", "50"],
    faults: { latencyMs: 150, jitterMs: 50 },
    logged: "latency",
    async check(url) {
      const started = performance.now();
      expect((await get(url, "/rest/api/3/serverInfo")).status).toBe(200);
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(145);
      expect(elapsed).toBeLessThan(2000);
    },
  },
  {
    name: "Jira-style rate limiting",
    cli: ["--rate-limit", "3/s"],
    faults: { rateLimitPerSecond: 3 },
    logged: "rate-limit",
    async check(url) {
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => get(url, "/rest/api/3/serverInfo")),
      );
      const limited = responses.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(5);
      const headers = limited[0]?.headers;
      expect(headers?.get("retry-after")).toMatch(/^\d+$/);
      expect(headers?.get("x-ratelimit-limit")).toBe("3");
      expect(headers?.get("x-ratelimit-remaining")).toBe("0");
      expect(headers?.get("x-ratelimit-reset")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
      expect(headers?.get("x-ratelimit-nearlimit")).toBe("true");
      expect(headers?.get("ratelimit-reason")).toBe("jira-burst-based");
      expect(await limited[0]?.json()).toEqual({ errorMessages: ["Rate limit exceeded."], errors: {} });
    },
  },
  {
    name: "500 at a rate",
    cli: ["--error-500-rate", "1"],
    faults: { error500Rate: 1 },
    logged: "500",
    async check(url) {
      const res = await get(url, "/rest/api/3/serverInfo");
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ errorMessages: [expect.any(String)], errors: {} });
    },
  },
  {
    name: "503 at a rate",
    cli: ["--error-503-rate", "1"],
    faults: { error503Rate: 1 },
    logged: "503",
    async check(url) {
      const res = await get(url, "/rest/api/3/serverInfo");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      await res.arrayBuffer();
    },
  },
  {
    name: "hanging responses",
    cli: ["--hang-rate", "1"],
    faults: { hangRate: 1 },
    logged: "hang",
    async check(url) {
      const hung = get(url, "/rest/api/3/serverInfo", ADA, { signal: AbortSignal.timeout(300) });
      await expect(hung).rejects.toThrow(/aborted|timeout/i);
    },
  },
  {
    name: "connection resets",
    cli: ["--reset-rate", "1"],
    faults: { resetRate: 1 },
    logged: "reset",
    async check(url) {
      const error = await get(url, "/rest/api/3/serverInfo").then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(String((error as { cause?: { code?: string } }).cause?.code)).toMatch(
        /ECONNRESET|UND_ERR_SOCKET/,
      );
    },
  },
  {
    name: "malformed JSON",
    cli: ["--malformed-json-rate", "1"],
    faults: { malformedJsonRate: 1 },
    logged: "malformed-json",
    async check(url) {
      const res = await get(url, "/rest/api/3/serverInfo");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("application/json");
      const text = await res.text();
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
    },
  },
  {
    name: "a revoked token",
    cli: ["--revoke", ADA[0]],
    faults: { revokedUsers: [ADA[0]] },
    logged: "revoked",
    async check(url) {
      const revoked = await get(url, "/rest/api/3/myself");
      expect(revoked.status).toBe(401);
      expect(await revoked.json()).toEqual({
        message: "Client must be authenticated to access this resource.",
        "status-code": 401,
      });
      expect((await get(url, "/rest/api/3/myself", BOB)).status).toBe(200);
    },
  },
  {
    name: "an expired nextPageToken",
    cli: ["--expire-page-tokens"],
    faults: { expirePageTokens: true },
    logged: null,
    async check(url, project) {
      const next = await searchPage(url, project, await firstToken(url, project));
      expect(next.status).toBe(400);
      expect(await next.json()).toMatchObject({ errorMessages: [expect.any(String)], errors: {} });
    },
  },
  {
    name: "a project deleted between two pages",
    cli: ["--delete-project-on-next-page", "PROJECT"],
    faults: { deleteProjectOnNextPage: "PROJECT" },
    logged: null,
    async check(url, project) {
      const next = await searchPage(url, project, await firstToken(url, project));
      expect(next.status).toBe(400);
      const body = (await next.json()) as { errorMessages: string[] };
      expect(body.errorMessages.join(" ")).toContain(`'${project}'`);
      expect((await get(url, `/rest/api/3/project/${project}`)).status).toBe(404);
    },
  },
  {
    name: "faults limited to a path",
    cli: ["--error-500-rate", "1", "--fault-path", "^/rest/api/3/serverInfo$"],
    faults: { error500Rate: 1, pathPattern: "^/rest/api/3/serverInfo$" },
    logged: "500",
    async check(url) {
      expect((await get(url, "/rest/api/3/serverInfo")).status).toBe(500);
      expect((await get(url, "/rest/api/3/myself")).status).toBe(200);
    },
  },
];

/** Replaces the `PROJECT` placeholder with a real project key. */
export function withProject<T>(value: T, project: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"PROJECT"', JSON.stringify(project))) as T;
}

/** The key of the first project (by key) that has at least three issues. */
export async function projectWithIssues(url: string): Promise<string> {
  const res = await get(url, "/rest/api/3/project/search?orderBy=key&expand=insight");
  const body = (await res.json()) as { values: { key: string; insight?: { totalIssueCount?: number } }[] };
  const found = body.values.find((p) => (p.insight?.totalIssueCount ?? 0) >= 3);
  return found?.key ?? "";
}
