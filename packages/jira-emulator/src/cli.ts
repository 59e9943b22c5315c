/**
 * CLI: `node src/cli.ts --port 4010 --dataset demo --user ada@example.com:token123 [--user …] [--seed N]
 * [--issues N] [--latency MS] [--jitter MS] [--rate-limit N/s]`. Prints the base URL and credentials.
 */
import { parseArgs } from "node:util";
import type { AdminUserSpec } from "./admin/admin-api.ts";
import { type DatasetSpec, DEMO_USERS } from "./datasets/index.ts";
import { createJiraEmulator } from "./emulator.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    dataset: { type: "string", default: "demo" },
    user: { type: "string", multiple: true, default: [] },
    seed: { type: "string", default: "1" },
    issues: { type: "string" },
    latency: { type: "string", default: "0" },
    jitter: { type: "string", default: "0" },
    "rate-limit": { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(
    "Usage: jira-emulator [--port 4010] [--dataset demo|empty|generated] [--user email:token]… [--seed N] [--issues N] [--latency MS] [--jitter MS] [--rate-limit N/s]",
  );
  process.exit(0);
}

const users: AdminUserSpec[] = values.user.map((spec) => {
  const colon = spec.indexOf(":");
  if (colon < 1) throw new Error(`--user expects email:token, got ${spec}`);
  return { email: spec.slice(0, colon), token: spec.slice(colon + 1) };
});
if (users.length === 0) users.push({ email: "admin@example.com", token: "admin-token" });

let dataset: DatasetSpec;
if (values.issues !== undefined || values.dataset === "generated") {
  dataset = { name: "generated", seed: values.seed, issues: Number(values.issues ?? 1000) };
} else if (values.dataset === "empty" || values.dataset === "demo") {
  dataset = { name: values.dataset };
} else {
  throw new Error(`Unknown dataset ${values.dataset}`);
}

const rate = values["rate-limit"] === undefined ? 0 : Number.parseFloat(values["rate-limit"]);
const emulator = await createJiraEmulator({
  dataset,
  users,
  listen: Number(values.port),
  host: values.host,
  faults: { latencyMs: Number(values.latency), jitterMs: Number(values.jitter), rateLimitPerSecond: rate },
});

const store = emulator.admin.store;
console.log(`Jira emulator listening on ${emulator.url}`);
console.log(`  dataset: ${dataset.name} (${store.projects.size} projects, ${store.issues.size} issues)`);
console.log("  site admins (see every project):");
for (const user of users) console.log(`    ${user.email} / ${user.token}`);
if (dataset.name === "demo") {
  console.log("  narrower users:");
  for (const user of DEMO_USERS)
    console.log(`    ${user.email} / ${user.token}  (projects: ${user.projects.join(", ") || "none"})`);
}
console.log(`  admin API: ${emulator.url}/_emulator/health`);

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
