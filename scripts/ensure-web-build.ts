/**
 * Builds the web app when its production build is missing or older than its sources, so `npm start` and
 * `npm run demo` work right after `npm ci` with no other step.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const web = path.resolve(import.meta.dirname, "../apps/web");
const builtIndex = path.join(web, "dist/index.html");

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
    0,
  );
}

const sources = ["src", "index.html", "vite.config.ts", "package.json", "public"]
  .map((name) => path.join(web, name))
  .filter((entry) => existsSync(entry));
const sourcesChanged = Math.max(...sources.map(newestMtime));

if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourcesChanged) {
  process.stdout.write("Building the web app (once, or after its sources change)…\n");
  execFileSync("npm", ["run", "build", "-w", "apps/web", "--silent"], { stdio: "inherit" });
}
