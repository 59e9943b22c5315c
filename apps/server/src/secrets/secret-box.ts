import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** Encrypts and decrypts small secrets (tokens) with AES-256-GCM. */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

const VERSION = "v1";

/**
 * A {@link SecretBox} over a 32-byte key. Sealed values read `v1.<iv>.<tag>.<ciphertext>` (base64url), so a
 * later key or algorithm can be told apart.
 * @example createSecretBox(key).open(createSecretBox(key).seal("x")) // "x"
 */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error("A secret box needs a 32-byte key");
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || ciphertext === undefined)
        throw new Error("Not a sealed secret");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, "base64url")),
        decipher.final(),
      ]).toString("utf8");
    },
  };
}
