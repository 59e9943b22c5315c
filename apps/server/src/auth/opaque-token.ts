import { createHash, randomBytes } from "node:crypto";

/**
 * A new random token with a readable prefix (`gp_` for API tokens, `gpi_` for invites) and 256 bits of
 * entropy. Only its {@link hashToken} is ever stored.
 */
export function generateOpaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** SHA-256 of a token, hex. High-entropy tokens need no slow hash; lookups stay a single index probe. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
