import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/config.ts";

const KEY_BYTES = 32;

function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, "base64");
  return key.length === KEY_BYTES ? key : null;
}

async function keyFromSetting(name: string, value: string): Promise<Buffer> {
  const inline = decodeKey(value);
  if (inline) return inline;
  if (!existsSync(value))
    throw new Error(`${name}: not a base64 key of 32 bytes, nor the path of an existing key file`);
  const fromFile = decodeKey(await readFile(value, "utf8"));
  if (!fromFile) throw new Error(`${name}: the file ${value} does not hold a base64 key of 32 bytes`);
  return fromFile;
}

/**
 * The earlier master keys of a key rotation (`SECRETS_KEY_PREVIOUS`), each base64 or a key file.
 * @throws Error naming SECRETS_KEY_PREVIOUS when an entry is neither.
 */
export async function resolvePreviousSecretsKeys(
  config: Pick<Config, "secretsKeyPrevious">,
): Promise<Buffer[]> {
  return Promise.all(config.secretsKeyPrevious.map((value) => keyFromSetting("SECRETS_KEY_PREVIOUS", value)));
}

/**
 * The 32-byte master key: `SECRETS_KEY` as base64, or the base64 contents of the file it names; in embedded
 * mode without `SECRETS_KEY`, a key generated once into `DATA_DIR/secrets.key` (mode 0600).
 * @throws Error naming SECRETS_KEY when the value is neither a valid key nor a readable key file.
 */
export async function resolveSecretsKey(config: Pick<Config, "secretsKey" | "dataDir">): Promise<Buffer> {
  if (config.secretsKey) return keyFromSetting("SECRETS_KEY", config.secretsKey);
  const file = path.join(config.dataDir, "secrets.key");
  if (existsSync(file)) {
    const stored = decodeKey(await readFile(file, "utf8"));
    if (!stored) throw new Error(`${file} is damaged: it does not hold a base64 key of 32 bytes`);
    return stored;
  }
  await mkdir(config.dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  await writeFile(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return key;
}
