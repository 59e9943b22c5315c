import { describe, expect, it } from "vitest";
import { createJiraClient, deploymentOf, type JiraClientOptions } from "./jira-client.ts";
import { JiraError } from "./jira-error.ts";
import { createSiteLimiter } from "./site-limiter.ts";

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

function setup(handler: Handler, extra: Partial<JiraClientOptions> = {}) {
  const calls: Array<{ method: string; url: string; auth: string | null }> = [];
  const sleeps: number[] = [];
  const fakeFetch: typeof fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    calls.push({
      method: init.method ?? "GET",
      url: url.href,
      auth: new Headers(init.headers).get("authorization"),
    });
    return handler(url, init);
  };
  const client = createJiraClient({
    baseUrl: "https://acme.atlassian.net",
    email: "ada@example.com",
    apiToken: "secret-token",
    fetch: fakeFetch,
    resolve: async () => ["104.192.141.1"],
    limiter: createSiteLimiter(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { client, calls, sleeps };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const me = { accountId: "a1", displayName: "Ada", emailAddress: "ada@example.com", active: true };

async function caught(promise: Promise<unknown>): Promise<JiraError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JiraError) return error;
    throw error;
  }
  throw new Error("expected a JiraError");
}

describe("transport", () => {
  it("sends basic auth and parses the answer", async () => {
    const { client, calls } = setup(() => json(200, me));
    expect(await client.myself()).toEqual(me);
    expect(calls[0]?.auth).toBe(`Basic ${Buffer.from("ada@example.com:secret-token").toString("base64")}`);
    expect(calls[0]?.url).toBe("https://acme.atlassian.net/rest/api/3/myself");
  });

  it("Data Center: sends the PAT as a bearer token to REST v2, and no Cloud credential", async () => {
    const dcMe = { key: "JIRAUSER10000", name: "ada", displayName: "Ada", emailAddress: "ada@example.com" };
    const { client, calls } = setup(() => json(200, dcMe), {
      baseUrl: "https://jira.acme.example",
      deployment: "dataCenter",
      personalAccessToken: "pat-secret",
    });
    expect(await client.myself()).toEqual({
      accountId: "JIRAUSER10000",
      displayName: "Ada",
      emailAddress: "ada@example.com",
      active: true,
    });
    expect(calls[0]?.auth).toBe("Bearer pat-secret");
    expect(calls[0]?.url).toBe("https://jira.acme.example/rest/api/2/myself");
  });

  it("maps serverInfo's deploymentType to a deployment", () => {
    expect(deploymentOf("Cloud")).toBe("cloud");
    expect(deploymentOf("DataCenter")).toBe("dataCenter");
    expect(deploymentOf("Server")).toBe("dataCenter");
    expect(deploymentOf(undefined)).toBeNull();
  });

  it("retries a 429 after Retry-After, then succeeds", async () => {
    let n = 0;
    const { client, sleeps } = setup(() =>
      n++ === 0 ? json(429, {}, { "retry-after": "2" }) : json(200, me),
    );
    expect((await client.myself()).accountId).toBe("a1");
    expect(sleeps).toEqual([2000]);
  });

  it("retries 503 with full-jitter backoff and gives up after maxAttempts", async () => {
    const { client, calls, sleeps } = setup(() => json(503, { errorMessages: ["down"], errors: {} }), {
      retry: { maxAttempts: 3, baseDelayMs: 100 },
    });
    const error = await caught(client.serverInfo());
    expect(error.kind).toBe("unavailable");
    expect(error.jiraMessages).toEqual(["down"]);
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]);
  });

  it("does not retry 401 and never leaks the token", async () => {
    const { client, calls } = setup(() =>
      json(401, { message: "Client must be authenticated", "status-code": 401 }),
    );
    const error = await caught(client.myself());
    expect(error.kind).toBe("bad_credentials");
    expect(calls).toHaveLength(1);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("secret-token");
  });

  it("retries network resets as unreachable", async () => {
    const { client, calls } = setup(
      () => {
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }),
        });
      },
      { retry: { maxAttempts: 2 } },
    );
    expect((await caught(client.myself())).kind).toBe("unreachable");
    expect(calls).toHaveLength(2);
  });

  it("times out a hanging call", async () => {
    const { client } = setup(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        }),
      { timeoutMs: 20, retry: { maxAttempts: 1 } },
    );
    expect((await caught(client.myself())).kind).toBe("timeout");
  });

  it("reports truncated JSON as malformed_response, without retrying", async () => {
    const { client, calls } = setup(
      () =>
        new Response('{"accountId":"a1", "disp', {
          status: 200,
          headers: { "content-type": "application/json" },
        }),
    );
    expect((await caught(client.myself())).kind).toBe("malformed_response");
    expect(calls).toHaveLength(1);
  });

  it("reports a body of the wrong shape as malformed_response", async () => {
    const { client } = setup(() => json(200, { issues: "nope" }));
    expect((await caught(client.searchIds("project = AE"))).kind).toBe("malformed_response");
  });

  it("follows a same-site redirect but refuses one off the site", async () => {
    const same = setup((url) =>
      url.pathname === "/rest/api/3/myself"
        ? new Response(null, { status: 302, headers: { location: "/moved/myself" } })
        : json(200, me),
    );
    expect((await same.client.myself()).accountId).toBe("a1");
    expect(same.calls.map((c) => c.url)).toEqual([
      "https://acme.atlassian.net/rest/api/3/myself",
      "https://acme.atlassian.net/moved/myself",
    ]);
    const off = setup(
      () => new Response(null, { status: 302, headers: { location: "https://169.254.169.254/" } }),
    );
    expect((await caught(off.client.myself())).kind).toBe("blocked_url");
    expect(off.calls).toHaveLength(1);
  });

  it("refuses a base URL resolving to a private address before any request", async () => {
    const { client, calls } = setup(() => json(200, me), { resolve: async () => ["10.0.0.1"] });
    expect((await caught(client.myself())).kind).toBe("blocked_url");
    expect(calls).toHaveLength(0);
  });

  it("caps concurrency per site", async () => {
    let running = 0;
    let peak = 0;
    const { client } = setup(
      async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return json(200, me);
      },
      { maxConcurrency: 2 },
    );
    await Promise.all(Array.from({ length: 8 }, () => client.myself()));
    expect(peak).toBe(2);
  });

  it("splits bulkfetch into calls of at most 100", async () => {
    const sizes: number[] = [];
    const { client } = setup((_url, init) => {
      const body = JSON.parse(String(init.body)) as { issueIdsOrKeys: string[] };
      sizes.push(body.issueIdsOrKeys.length);
      return json(200, {
        issues: body.issueIdsOrKeys.map((id) => ({ id, key: `K-${id}`, fields: {} })),
        issueErrors: [],
      });
    });
    const ids = Array.from({ length: 250 }, (_, i) => String(i));
    expect(await client.bulkFetch(ids, ["status"])).toHaveLength(250);
    expect(sizes).toEqual([100, 100, 50]);
  });
});
