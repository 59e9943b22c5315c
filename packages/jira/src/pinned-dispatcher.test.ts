import type { LookupAddress } from "node:dns";
import { type AddressInfo, createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJiraClient } from "./jira-client.ts";
import { JiraError } from "./jira-error.ts";
import { pinnedLookup } from "./pinned-dispatcher.ts";
import { createSiteLimiter } from "./site-limiter.ts";
import type { HostResolver } from "./url-guard.ts";

/** A TCP listener on loopback that only counts connections (a rebinding attack succeeds if it sees one). */
let server: Server;
let connections = 0;
let port = 0;
beforeAll(async () => {
  server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Answers a public address to the first question and loopback afterwards: DNS rebinding. */
function rebindingResolver(): HostResolver {
  let asked = 0;
  return async () => (asked++ === 0 ? ["104.192.141.1"] : ["127.0.0.1"]);
}

describe("DNS rebinding", () => {
  it("a name that answers public to the check and loopback to the connect never reaches loopback", async () => {
    connections = 0;
    // `localhost` is what the system resolver would connect to without pinning: 127.0.0.1.
    const client = createJiraClient({
      baseUrl: `https://localhost:${port}`,
      email: "ada@example.com",
      apiToken: "secret-token",
      resolve: rebindingResolver(),
      limiter: createSiteLimiter(),
      retry: { maxAttempts: 1 },
      sleep: async () => {},
    });
    const error = await client.myself().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).kind).toBe("blocked_url");
    expect((error as JiraError).message).toContain("JIRA_ALLOW_HOSTS");
    expect(connections).toBe(0);
  });

  it("a site in JIRA_ALLOW_HOSTS still connects as the system resolves it", async () => {
    connections = 0;
    const client = createJiraClient({
      baseUrl: `http://127.0.0.1:${port}`,
      email: "ada@example.com",
      apiToken: "secret-token",
      allowHosts: [`127.0.0.1:${port}`],
      limiter: createSiteLimiter(),
      retry: { maxAttempts: 1 },
      sleep: async () => {},
    });
    await expect(client.myself()).rejects.toBeInstanceOf(JiraError);
    expect(connections).toBe(1);
  });
});

function lookupOnce(
  resolve: HostResolver,
  options: { all?: boolean; family?: number },
): Promise<{ error: Error | null; address: string | LookupAddress[]; family?: number | undefined }> {
  return new Promise((done) =>
    pinnedLookup(resolve)("jira.example.com", options, (error, address, family) =>
      done({ error, address, family }),
    ),
  );
}

describe("pinnedLookup", () => {
  it("connects to the checked public address", async () => {
    expect(await lookupOnce(async () => ["104.192.141.1"], {})).toEqual({
      error: null,
      address: "104.192.141.1",
      family: 4,
    });
    expect(await lookupOnce(async () => ["104.192.141.1", "2606:4700::1"], { all: true })).toEqual({
      error: null,
      address: [
        { address: "104.192.141.1", family: 4 },
        { address: "2606:4700::1", family: 6 },
      ],
      family: undefined,
    });
  });

  it.each([
    ["127.0.0.1"],
    ["169.254.169.254"],
    ["10.0.0.5"],
    ["::1"],
    ["::ffff:0:7f00:1"],
    ["2002:7f00:1::1"],
    ["fe80::1"],
  ])("refuses a name answering %s", async (address) => {
    const { error } = await lookupOnce(async () => ["104.192.141.1", address], { all: true });
    expect(error?.message).toContain("private or reserved");
  });
});
