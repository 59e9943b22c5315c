/**
 * A self-signed certificate and key for serving HTTPS without any files, made at run time on this machine
 * (`selfsigned`: X.509 built with WebCrypto; node:crypto makes keys but cannot issue certificates).
 */
import { isIP } from "node:net";
import { generate } from "selfsigned";

/** A PEM certificate with its PEM private key. */
export interface TlsPair {
  cert: string;
  key: string;
}

/**
 * Issues a certificate valid for a day before and a year after now, for `hosts` (names as DNS entries, addresses
 * as IP entries; `localhost` and 127.0.0.1 always) with an EC P-256 key.
 */
export async function selfSignedPair(hosts: readonly string[]): Promise<TlsPair> {
  const names = [...new Set(["localhost", "127.0.0.1", ...hosts])];
  const now = Date.now();
  const result = await generate(
    [{ name: "commonName", value: names.find((n) => isIP(n) === 0) ?? "localhost" }],
    {
      keyType: "ec",
      curve: "P-256",
      notBeforeDate: new Date(now - 86_400_000),
      notAfterDate: new Date(now + 365 * 86_400_000),
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        {
          name: "subjectAltName",
          altNames: names.map((name) =>
            isIP(name) === 0 ? { type: 2, value: name } : { type: 7, ip: name },
          ),
        },
      ],
    },
  );
  return { cert: result.cert, key: result.private };
}
