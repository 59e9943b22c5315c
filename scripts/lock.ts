/**
 * `npm run lock`: regenerates package-lock.json so that `npm ci` accepts it on any machine, then checks it.
 * `npm run lock -- --check`: only checks (CI). Run it after merging a branch that adds dependencies.
 *
 * Why: `npm install` on an existing node_modules can leave other platforms' optional binaries (esbuild,
 * rolldown, biome, lightningcss …) out of the lockfile, and `npm ci` on a machine of another platform then
 * refuses the lockfile. Resolving the lockfile alone (`--package-lock-only`) records every platform's.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

/** Every optional dependency some locked package declares that the lockfile does not record. */
export function missingOptionalPackages(lock: { packages: Record<string, LockEntry> }): string[] {
  const recorded = new Set(Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, "")));
  const missing: string[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (!recorded.has(name)) missing.push(`${name} (optional dependency of ${key || "the root"})`);
    }
  }
  return missing;
}

if (!process.argv.includes("--check")) {
  execFileSync("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"], {
    stdio: "inherit",
  });
}
const missing = missingOptionalPackages(JSON.parse(readFileSync("package-lock.json", "utf8")));
if (missing.length > 0) {
  console.error(`package-lock.json does not record:\n  ${missing.join("\n  ")}\nRun: npm run lock`);
  process.exit(1);
}
console.log("package-lock.json records every platform's optional packages: npm ci will accept it.");
