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
  ["64:ff9b::", 96], // NAT64 (embeds IPv4)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001::", 32], // Teredo (embeds an obfuscated IPv4 of the client)
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
];

const blockList = new BlockList();
for (const [net, prefix] of IPV4_RANGES) blockList.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of IPV6_RANGES) blockList.addSubnet(net, prefix, "ipv6");

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 folded in). */
export function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted !== null) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string): number[] =>
    part === "" ? [] : part.split(":").map((g) => Number.parseInt(g, 16));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  const groups = [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  return groups.length === 8 ? groups : undefined;
}

function ipv4Of(high: number, low: number): string {
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/**
 * The IPv4 address an IPv6 address carries and routes to, if any: IPv4-compatible (`::a.b.c.d`, `::7f00:1`),
 * IPv4-mapped (`::ffff:a.b.c.d`), IPv4-translated (`::ffff:0:a.b.c.d`) and 6to4 (`2002:AABB:CCDD::/48`).
 */
export function embeddedIpv4(groups: readonly number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0;
  if (zeroPrefix && g4 === 0 && (g5 === 0 || g5 === 0xffff)) return ipv4Of(g6, g7);
  if (zeroPrefix && g4 === 0xffff && g5 === 0) return ipv4Of(g6, g7);
  if (g0 === 0x2002) return ipv4Of(g1 ?? 0, g2 ?? 0);
  return undefined;
}

/**
 * Whether an IP address is in a range Goalpost refuses to call: loopback, private, link-local (cloud metadata),
 * CGNAT, unique-local, multicast, unspecified, documentation — also when an IPv6 form carries such an IPv4
 * address (compatible, mapped, translated, 6to4) or may tunnel to one (NAT64, Teredo). Anything that is not an
 * IP literal counts as blocked.
 */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) return blockList.check(bare, "ipv4");
  const groups = ipv6Groups(bare);
  if (groups === undefined) return true;
  const v4 = embeddedIpv4(groups);
  if (v4 !== undefined) return blockList.check(v4, "ipv4");
  return blockList.check(groups.map((g) => g.toString(16)).join(":"), "ipv6");
}
