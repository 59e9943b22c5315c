import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Whether `header` (Jira's `x-hub-signature`, `sha256=<hex>`) is the HMAC-SHA256 of the raw `body` with
 * `secret`. Compared in constant time; anything malformed is simply not a valid signature.
 * @example verifySignature(body, `sha256=${createHmac("sha256", "s").update(body).digest("hex")}`, "s") // true
 */
export function verifySignature(body: Buffer, header: string | undefined, secret: string): boolean {
  if (header === undefined) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].toLowerCase(), "hex");
  const expected = createHmac("sha256", secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
