#!/usr/bin/env node
/**
 * CLI: `node src/cli.ts --port 4010 --dataset demo --user ada@example.com:token123 [--user …] [--seed S]
 * [--issues N] [--latency MS] [--jitter MS] [--rate-limit N/s]`. Prints the base URL and credentials;
 * Ctrl-C (SIGINT) or SIGTERM stops it.
 */
import { CLI_USAGE, type CliOptions, parseCliArgs } from "./cli-args.ts";
import { DEMO_USERS } from "./datasets/index.ts";
import { createJiraEmulator } from "./emulator.ts";

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

const { dataset, users } = options;
const emulator = await createJiraEmulator({
  dataset,
  users,
  listen: options.port,
  host: options.host,
  faults: options.faults,
});

const store = emulator.admin.store;
const seed = dataset.name === "empty" ? "" : `seed ${dataset.seed ?? "default"}, `;
console.log(`Jira emulator listening on ${emulator.url}`);
console.log(
  `  dataset: ${dataset.name} (${seed}${store.projects.size} projects, ${store.issues.size} issues)`,
);
console.log("  site admins (see every project):");
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
