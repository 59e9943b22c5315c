/** Outbound guard: the server calls a URL a user typed, so check it before every Jira call. */
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isBlockedAddress } from "./blocked-addresses.ts";
import { toJiraError } from "./to-jira-error.ts";

/** Resolves a host name to all its addresses (injectable for tests). */
export type HostResolver = (hostname: string) => Promise<readonly string[]>;

/** The system resolver (`dns.lookup`, every address). */
export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** Options for {@link assertAllowedJiraUrl}. */
export interface UrlGuardOptions {
  /** Hosts exempt from every check (`host` or `host:port`), e.g. the emulator on `127.0.0.1:4010`. */
  allowHosts?: readonly string[];
  /** DNS resolver; defaults to {@link systemResolver}. */
  resolve?: HostResolver;
}

/** Whether `url`'s host is in `allowHosts` (`hostname` matches any port, `hostname:port` only that port). */
export function isAllowedHost(url: URL, allowHosts: readonly string[]): boolean {
  const hostname = url.hostname.toLowerCase();
  const port = url.port === "" ? (url.protocol === "https:" ? "443" : "80") : url.port;
  return allowHosts.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    if (wanted === "") return false;
    return wanted === hostname || wanted === `${hostname}:${port}` || wanted === url.host.toLowerCase();
  });
}

function blocked(reason: string): never {
  throw toJiraError({ type: "blocked", reason });
}

/** How an operator allows an internal or plain-http Jira: every address/scheme refusal says it. */
export const ALLOW_HOSTS_HINT =
  "an administrator can allow this Jira by adding its host (or host:port) to JIRA_ALLOW_HOSTS";

/** Refusal of a private/reserved address, shared by the guard and the connection-time check. */
export function privateAddressReason(hostname: string, address: string): string {
  return `${hostname} resolves to a private or reserved address (${address}); ${ALLOW_HOSTS_HINT}`;
}

/**
 * Throws a `blocked_url` {@link JiraError} unless `url` is safe to call: https only, no credentials in the URL,
 * and every resolved address outside loopback/private/link-local/CGNAT/unique-local ranges. Hosts in
 * `allowHosts` skip every check (http and private addresses allowed). Returns the parsed URL.
 */
export async function assertAllowedJiraUrl(url: string | URL, options: UrlGuardOptions = {}): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return blocked("not a valid URL");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    blocked(`scheme ${parsed.protocol} refused`);
  if (parsed.username !== "" || parsed.password !== "") blocked("credentials in the URL are refused");
  if (isAllowedHost(parsed, options.allowHosts ?? [])) return parsed;
  if (parsed.protocol !== "https:") blocked(`only https is allowed; ${ALLOW_HOSTS_HINT}`);
  const hostname = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: readonly string[];
  if (isIP(hostname) !== 0) {
    addresses = [hostname];
  } else {
    const resolve = options.resolve ?? systemResolver;
    try {
      addresses = await resolve(hostname);
    } catch (error) {
      throw toJiraError({ type: "network", error, timedOut: false }, { endpoint: `DNS ${hostname}` });
    }
    if (addresses.length === 0) blocked(`${hostname} does not resolve`);
  }
  const bad = addresses.find((a) => isBlockedAddress(a));
  if (bad !== undefined) blocked(privateAddressReason(hostname, bad));
  return parsed;
}
