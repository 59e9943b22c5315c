#!/usr/bin/env node
/**
 * CLI: `node src/cli.ts --port 4010 --dataset demo --user ada@example.com:token123 [--user …] [--seed S]
 * [--issues N] [--latency MS] [--jitter MS] [--rate-limit N/s] [--https | --tls-cert F --tls-key F] [--base-url U]
 * [--time-zone ZONE]`.
 * Prints the base URL and credentials;
 * Ctrl-C (SIGINT) or SIGTERM stops it.
 */
import { readFileSync } from "node:fs";
import { CLI_USAGE, type CliOptions, parseCliArgs } from "./cli-args.ts";
import { DEMO_USERS } from "./datasets/index.ts";
import { createJiraEmulator } from "./emulator.ts";
import type { TlsOptions } from "./server/node-server.ts";
import { selfSignedPair } from "./server/self-signed.ts";

let options: CliOptions;
try {
  options = parseCliArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(CLI_USAGE);
  process.exit(2);
}
if (options.help) {
  console.log(CLI_USAGE);
  process.exit(0);
}

/** The certificate and key to serve HTTPS with, if any; a missing or unreadable file stops with exit code 2. */
async function tlsFor(choice: CliOptions["tls"], hosts: string[]): Promise<TlsOptions | undefined> {
  if (choice.kind === "none") return undefined;
  if (choice.kind === "self-signed") return selfSignedPair(hosts);
  try {
    return { cert: readFileSync(choice.certFile, "utf8"), key: readFileSync(choice.keyFile, "utf8") };
  } catch (error) {
    console.error(`Cannot read the TLS files: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

const { dataset, users } = options;
const siteHost = options.baseUrl === undefined ? [] : [new URL(options.baseUrl).hostname];
const tls = await tlsFor(options.tls, [options.host, ...siteHost]);
const emulator = await createJiraEmulator({
  deployment: options.deployment,
  dataset,
  users,
  listen: options.port,
  host: options.host,
  faults: options.faults,
  ...(tls === undefined ? {} : { tls }),
  ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
  ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
});

const store = emulator.admin.store;
const seed = dataset.name === "empty" ? "" : `seed ${dataset.seed ?? "default"}, `;
const dc = options.deployment === "data-center";
console.log(`Jira emulator (${dc ? "Data Center, REST v2" : "Cloud, REST v3"}) listening on ${emulator.url}`);
if (options.tls.kind === "self-signed")
  console.log("  HTTPS with a self-signed certificate made at start-up");
if (options.baseUrl !== undefined)
  console.log(`  site base URL (self links, serverInfo): ${options.baseUrl}`);
console.log(
  `  dataset: ${dataset.name} (${seed}${store.projects.size} projects, ${store.issues.size} issues)`,
);
console.log(`  site admins (see every project)${dc ? ": e-mail / personal access token (Bearer)" : ""}:`);
for (const user of users) console.log(`    ${user.email} / ${user.token}`);
if (dataset.name === "demo") {
  console.log("  narrower users:");
  for (const user of DEMO_USERS)
    console.log(`    ${user.email} / ${user.token}  (projects: ${user.projects.join(", ") || "none"})`);
}
const { latencyMs, jitterMs, rateLimitPerSecond, ...otherFaults } = options.faults;
console.log(
  `  faults: latency ${latencyMs} ms, jitter ${jitterMs} ms, rate limit ${rateLimitPerSecond > 0 ? `${rateLimitPerSecond}/s` : "off"}`,
);
if (Object.keys(otherFaults).length > 0) console.log(`  more faults: ${JSON.stringify(otherFaults)}`);
console.log(`  admin API: ${emulator.url}/_emulator/health`);
console.log("Ctrl-C stops it.");

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await emulator.close();
  console.log("Jira emulator stopped.");
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
