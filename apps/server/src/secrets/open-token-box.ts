import type { Config } from "../config/config.ts";
import { deriveKey } from "./derive-key.ts";
import { resolvePreviousSecretsKeys, resolveSecretsKey } from "./resolve-secrets-key.ts";
import { createSecretBox, type SecretBox } from "./secret-box.ts";

/** What the master key gives a process: the box for Jira tokens and invite links, and the master key itself. */
export interface OpenedSecrets {
  box: SecretBox;
  master: Buffer;
}

/**
 * The token box of this deployment: sealing with the key derived from `SECRETS_KEY`, opening with it or with
 * one derived from a `SECRETS_KEY_PREVIOUS` key (during a rotation).
 */
export async function openTokenBox(
  config: Pick<Config, "secretsKey" | "secretsKeyPrevious" | "dataDir">,
): Promise<OpenedSecrets> {
  const master = await resolveSecretsKey(config);
  const previous = await resolvePreviousSecretsKeys(config);
  const box = createSecretBox(
    deriveKey(master, "token-encryption"),
    previous.map((key) => deriveKey(key, "token-encryption")),
  );
  return { box, master };
}
