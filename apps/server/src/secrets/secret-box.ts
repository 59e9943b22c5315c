import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** Encrypts and decrypts small secrets (tokens) with AES-256-GCM. */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** Whether `sealed` was sealed with an older key (or format) and should be sealed again with the current one. */
  isStale(sealed: string): boolean;
}

/** A short public id of a key, stored beside each sealed value so the right key is found after a rotation. */
function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

function decrypt(key: Buffer, iv: string, tag: string, ciphertext: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}

/**
 * A {@link SecretBox} over a 32-byte key, able to open values sealed with `previous` keys too (key rotation:
 * the operator sets the new key and lists the old ones; values are re-sealed at boot). Sealed values read
 * `v2.<key id>.<iv>.<tag>.<ciphertext>` (base64url); `v1.<iv>.<tag>.<ciphertext>` (no key id) still opens.
 * @example createSecretBox(key).open(createSecretBox(key).seal("x")) // "x"
 */
export function createSecretBox(key: Buffer, previous: readonly Buffer[] = []): SecretBox {
  for (const k of [key, ...previous]) if (k.length !== 32) throw new Error("A secret box needs 32-byte keys");
  const currentId = keyId(key);
  const keys = new Map([[currentId, key], ...previous.map((k) => [keyId(k), k] as const)]);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [
        "v2",
        currentId,
        ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url")),
      ].join(".");
    },
    open(sealed) {
      const parts = sealed.split(".");
      if (parts[0] === "v2" && parts.length === 5) {
        const [, id, iv, tag, ciphertext] = parts as [string, string, string, string, string];
        const match = keys.get(id);
        if (!match) throw new Error("Sealed with a key this server does not have (SECRETS_KEY_PREVIOUS?)");
        return decrypt(match, iv, tag, ciphertext);
      }
      if (parts[0] === "v1" && parts.length === 4) {
        const [, iv, tag, ciphertext] = parts as [string, string, string, string];
        for (const candidate of keys.values()) {
          try {
            return decrypt(candidate, iv, tag, ciphertext);
          } catch {
            // Not this key: try the next.
          }
        }
        throw new Error("Sealed with a key this server does not have (SECRETS_KEY_PREVIOUS?)");
      }
      throw new Error("Not a sealed secret");
    },
    isStale(sealed) {
      return !sealed.startsWith(`v2.${currentId}.`);
    },
  };
}
