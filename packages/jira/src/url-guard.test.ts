import { describe, expect, it } from "vitest";
import { isBlockedAddress } from "./blocked-addresses.ts";
import { JiraError } from "./jira-error.ts";
import { assertAllowedJiraUrl, type HostResolver } from "./url-guard.ts";

const dns: Record<string, string[]> = {
  "acme.atlassian.net": ["104.192.141.1"],
  "rebind.example.com": ["104.192.141.1", "10.0.0.5"],
  "metadata.example.com": ["169.254.169.254"],
  "v6.example.com": ["2606:4700::1"],
  "v6local.example.com": ["fd12:3456::1"],
  "mapped.example.com": ["::ffff:127.0.0.1"],
  "empty.example.com": [],
};
const resolve: HostResolver = async (host) => {
  const found = dns[host];
  if (found === undefined)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return found;
};

async function outcome(url: string, allowHosts: string[] = []): Promise<string> {
  try {
    await assertAllowedJiraUrl(url, { allowHosts, resolve });
    return "ok";
  } catch (error) {
    if (error instanceof JiraError) return error.kind;
    throw error;
  }
}

describe("assertAllowedJiraUrl", () => {
  it.each([
    ["https://acme.atlassian.net", [], "ok"],
    ["https://acme.atlassian.net:8443/jira", [], "ok"],
    ["https://v6.example.com", [], "ok"],
    ["http://acme.atlassian.net", [], "blocked_url"],
    ["ftp://acme.atlassian.net", [], "blocked_url"],
    ["file:///etc/passwd", [], "blocked_url"],
    ["not a url", [], "blocked_url"],
    ["https://user:pw@acme.atlassian.net", [], "blocked_url"],
    ["https://127.0.0.1", [], "blocked_url"],
    ["https://localhost.localdomain.invalid", [], "unreachable"],
    ["https://10.1.2.3", [], "blocked_url"],
    ["https://172.16.0.1", [], "blocked_url"],
    ["https://172.31.255.255", [], "blocked_url"],
    ["https://172.32.0.1", [], "ok"],
    ["https://192.168.1.1", [], "blocked_url"],
    ["https://169.254.169.254", [], "blocked_url"],
    ["https://100.64.0.1", [], "blocked_url"],
    ["https://100.127.255.255", [], "blocked_url"],
    ["https://100.128.0.1", [], "ok"],
    ["https://0.0.0.0", [], "blocked_url"],
    ["https://[::1]", [], "blocked_url"],
    ["https://[fc00::1]", [], "blocked_url"],
    ["https://[fe80::1]", [], "blocked_url"],
    ["https://[::ffff:169.254.169.254]", [], "blocked_url"],
    ["https://metadata.example.com", [], "blocked_url"],
    ["https://rebind.example.com", [], "blocked_url"],
    ["https://v6local.example.com", [], "blocked_url"],
    ["https://mapped.example.com", [], "blocked_url"],
    ["https://empty.example.com", [], "blocked_url"],
    ["http://127.0.0.1:4010", ["127.0.0.1"], "ok"],
    ["http://127.0.0.1:4010", ["127.0.0.1:4010"], "ok"],
    ["http://127.0.0.1:4011", ["127.0.0.1:4010"], "blocked_url"],
    ["http://jira.internal:8080", ["JIRA.internal"], "ok"],
    ["https://10.0.0.5", ["10.0.0.5:443"], "ok"],
    ["http://127.0.0.1:4010", [""], "blocked_url"],
    ["https://[::127.0.0.1]", [], "blocked_url"],
    ["https://[::7f00:1]", [], "blocked_url"],
    ["https://[::ffff:0:7f00:1]", [], "blocked_url"],
    ["https://[::ffff:0:127.0.0.1]", [], "blocked_url"],
    ["https://[2002:7f00:1::1]", [], "blocked_url"],
    ["https://[2002:a9fe:a9fe::1]", [], "blocked_url"],
    ["https://[2001:0:4136:e378:8000:63bf:80ff:fffe]", [], "blocked_url"],
    ["https://[64:ff9b::7f00:1]", [], "blocked_url"],
    ["https://[64:ff9b:1::a00:1]", [], "blocked_url"],
  ])("%s (allow %j) → %s", async (url, allowHosts, expected) => {
    expect(await outcome(url, allowHosts)).toBe(expected);
  });
});

describe("refusal message", () => {
  it("names JIRA_ALLOW_HOSTS so an operator knows how to allow an internal Jira", async () => {
    const refused = await assertAllowedJiraUrl("https://10.0.0.5", { resolve }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(JiraError);
    expect((refused as JiraError).message).toContain("JIRA_ALLOW_HOSTS");
    const http = await assertAllowedJiraUrl("http://acme.atlassian.net", { resolve }).catch(
      (e: unknown) => e,
    );
    expect((http as JiraError).message).toContain("JIRA_ALLOW_HOSTS");
  });
});

describe("isBlockedAddress", () => {
  it.each([
    ["8.8.8.8", false],
    ["127.0.0.53", true],
    ["10.255.255.255", true],
    ["192.169.0.1", false],
    ["169.254.0.1", true],
    ["2001:4860:4860::8888", false],
    ["::", true],
    ["fdff::1", true],
    ["febf::1", true],
    ["fec0::1", false],
    ["::ffff:7f00:1", true],
    ["::ffff:808:808", false],
    ["fe80::1%eth0", true],
    ["not-an-ip", true],
    ["::127.0.0.1", true],
    ["::7f00:1", true],
    ["::ffff:0:7f00:1", true],
    ["::ffff:0:808:808", false],
    ["2002:7f00:1::1", true],
    ["2002:0a00:0001::1", true],
    ["2002:0808:0808::1", false],
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", true],
    ["2001:0:4136:e378:8000:63bf:f7f7:f7f7", true],
    ["2001:db8::1", true],
    ["100::1", true],
    ["0:0:0:0:0:ffff:7f00:0001", true],
    ["1:2:3:4:5:6:7:8:9", true],
  ])("%s → %s", (address, blocked) => {
    expect(isBlockedAddress(address)).toBe(blocked);
  });
});
