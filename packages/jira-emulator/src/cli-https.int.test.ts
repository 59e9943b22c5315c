/**
 * The CLI serving HTTPS: with a self-signed pair it makes at start-up (`--https`), and with PEM files
 * (`--tls-cert/--tls-key`); `--base-url` puts the site's https address in `self` links and serverInfo.
 */
import { X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import { afterAll, describe, expect, it } from "vitest";
import { selfSignedPair } from "./server/self-signed.ts";
import { basic } from "./test-support.ts";
import { type CliProcess, startCli, stopCli } from "./test-support-cli.ts";

const started: CliProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), "jira-emulator-tls-"));
afterAll(async () => {
  for (const cli of started) await stopCli(cli);
  rmSync(dir, { recursive: true, force: true });
});

/** GET over HTTPS trusting only `ca` (or, without it, any certificate); resolves status, JSON and peer cert. */
function getJson(
  url: string,
  options: { ca?: string; auth?: string } = {},
): Promise<{ status: number; body: unknown; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        headers: { accept: "application/json", ...(options.auth ? { authorization: options.auth } : {}) },
        ...(options.ca === undefined ? { rejectUnauthorized: false } : { ca: options.ca }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
            fingerprint,
          });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("jira-emulator CLI over HTTPS", () => {
  it("--https generates a certificate and --base-url makes links https", async () => {
    const cli = await startCli([
      "--dataset",
      "empty",
      "--https",
      "--base-url",
      "https://acme.atlassian.net/",
    ]);
    started.push(cli);
    expect(cli.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.output()).toContain("site base URL (self links, serverInfo): https://acme.atlassian.net");
    const info = await getJson(`${cli.url}/rest/api/3/serverInfo`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ baseUrl: "https://acme.atlassian.net", deploymentType: "Cloud" });
    const [email, token] = cli.credentials()[0] ?? ["", ""];
    const me = await getJson(`${cli.url}/rest/api/3/myself`, { auth: basic(email, token) });
    expect(String((me.body as { self?: string }).self)).toMatch(
      /^https:\/\/acme\.atlassian\.net\/rest\/api\/3\/user\?/,
    );
    await expect(fetch(`${cli.url}/rest/api/3/serverInfo`)).rejects.toThrow(); // not trusted by default
    await expect(fetch(cli.url.replace("https:", "http:"))).rejects.toThrow(); // and no plain HTTP
  });

  it("--tls-cert/--tls-key serve the given pair, which a client trusting only it accepts", async () => {
    const pair = await selfSignedPair(["127.0.0.1"]);
    writeFileSync(join(dir, "cert.pem"), pair.cert);
    writeFileSync(join(dir, "key.pem"), pair.key);
    const cli = await startCli([
      ...["--dataset", "empty", "--tls-cert", join(dir, "cert.pem"), "--tls-key", join(dir, "key.pem")],
    ]);
    started.push(cli);
    const info = await getJson(`${cli.url}/rest/api/3/serverInfo`, { ca: pair.cert });
    expect(info.status).toBe(200);
    expect((info.body as { baseUrl?: string }).baseUrl).toBe(cli.url);
    expect(info.fingerprint).toBe(new X509Certificate(pair.cert).fingerprint256);
  });

  it("refuses unreadable TLS files with exit code 2", async () => {
    await expect(
      startCli(["--tls-cert", join(dir, "missing.pem"), "--tls-key", join(dir, "missing-key.pem")]),
    ).rejects.toThrow(/Cannot read the TLS files/);
  });
});
