/** Address ranges an outbound Jira call must never reach (SSRF protection). */
import { BlockList, isIP } from "node:net";

const IPV4_RANGES: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8], // "this" network, incl. 0.0.0.0
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, incl. cloud metadata 169.254.169.254
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. broadcast
];

const IPV6_RANGES: ReadonlyArray<readonly [string, number]> = [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b::", 96], // NAT64 (embeds IPv4)
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
];

const blockList = new BlockList();
for (const [net, prefix] of IPV4_RANGES) blockList.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of IPV6_RANGES) blockList.addSubnet(net, prefix, "ipv6");

/** The IPv4 address embedded in an IPv4-mapped/compatible IPv6 address (`::ffff:10.0.0.1`), if any. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^::(ffff:)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted?.[2] !== undefined) return dotted[2];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] !== undefined && hex[2] !== undefined) {
    const high = Number.parseInt(hex[1], 16);
    const low = Number.parseInt(hex[2], 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return undefined;
}

/**
 * Whether an IP address is in a range Goalpost refuses to call: loopback, private, link-local (cloud metadata),
 * CGNAT, unique-local, multicast, unspecified. Anything that is not an IP literal counts as blocked.
 */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) return blockList.check(bare, "ipv4");
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4 !== undefined) return blockList.check(v4, "ipv4");
    return blockList.check(bare, "ipv6");
  }
  return true;
}
