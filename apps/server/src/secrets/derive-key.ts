import { hkdfSync } from "node:crypto";

/**
 * Derives a purpose-bound key from the master key (HKDF-SHA256), so one configured secret serves
 * session signing and token encryption without reusing key material.
 * @example deriveKey(master, "session-signing").length // 32
 */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `goalpost:${purpose}`, 32));
}
