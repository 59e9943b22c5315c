import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deriveKey } from "./derive-key.ts";
import { resolveSecretsKey } from "./resolve-secrets-key.ts";
import { createSecretBox } from "./secret-box.ts";

describe("secret box", () => {
  const box = createSecretBox(randomBytes(32));

  it("round-trips and never repeats a ciphertext", () => {
    const a = box.seal("jira-token");
    expect(box.open(a)).toBe("jira-token");
    expect(box.seal("jira-token")).not.toBe(a);
    expect(a).not.toContain("jira-token");
  });

  it("refuses tampered or foreign ciphertexts", () => {
    const sealed = box.seal("secret");
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}A`;
    expect(() => box.open(tampered)).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
    expect(() => box.open("nonsense")).toThrow("Not a sealed secret");
  });
});

describe("secret box key rotation", () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it("opens values sealed with a previous key, seals with the current one, and says which are stale", () => {
    const before = createSecretBox(oldKey).seal("jira-token");
    const rotated = createSecretBox(newKey, [oldKey]);
    expect(rotated.open(before)).toBe("jira-token");
    expect(rotated.isStale(before)).toBe(true);
    const after = rotated.seal("jira-token");
    expect(rotated.isStale(after)).toBe(false);
    expect(createSecretBox(newKey).open(after)).toBe("jira-token");
    expect(() => createSecretBox(newKey).open(before)).toThrow(/SECRETS_KEY_PREVIOUS/);
  });

  it("still opens the first format (no key id) with any of its keys", async () => {
    const { createCipheriv } = await import("node:crypto");
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", oldKey, iv);
    const ciphertext = Buffer.concat([cipher.update("legacy", "utf8"), cipher.final()]);
    const v1 = ["v1", iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
      .join(".");
    expect(createSecretBox(newKey, [oldKey]).open(v1)).toBe("legacy");
    expect(createSecretBox(newKey, [oldKey]).isStale(v1)).toBe(true);
    expect(() => createSecretBox(newKey).open(v1)).toThrow(/SECRETS_KEY_PREVIOUS/);
  });

  it("refuses keys that are not 32 bytes", () => {
    expect(() => createSecretBox(newKey, [randomBytes(16)])).toThrow("32-byte");
  });
});

describe("deriveKey", () => {
  it("gives distinct stable keys per purpose", () => {
    const master = randomBytes(32);
    expect(deriveKey(master, "a")).toEqual(deriveKey(master, "a"));
    expect(deriveKey(master, "a")).not.toEqual(deriveKey(master, "b"));
  });
});

describe("resolveSecretsKey", () => {
  it("generates a key once in the data folder and reuses it", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "gp-key-"));
    const first = await resolveSecretsKey({ secretsKey: undefined, dataDir });
    expect(first).toHaveLength(32);
    expect(await resolveSecretsKey({ secretsKey: undefined, dataDir })).toEqual(first);
    expect((await readFile(path.join(dataDir, "secrets.key"), "utf8")).trim()).toBe(first.toString("base64"));
  });

  it("accepts base64 inline and a key file; refuses anything else naming SECRETS_KEY", async () => {
    const key = randomBytes(32);
    const dataDir = await mkdtemp(path.join(tmpdir(), "gp-key-"));
    expect(await resolveSecretsKey({ secretsKey: key.toString("base64"), dataDir })).toEqual(key);
    const file = path.join(dataDir, "k");
    await writeFile(file, key.toString("base64"));
    expect(await resolveSecretsKey({ secretsKey: file, dataDir })).toEqual(key);
    await expect(resolveSecretsKey({ secretsKey: "short", dataDir })).rejects.toThrow(/SECRETS_KEY/);
  });
});
