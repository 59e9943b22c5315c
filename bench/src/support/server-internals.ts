/**
 * Server modules the benchmarks drive directly but `@goalpost/server` does not export (the sync engine and
 * the test row builders). Loaded by path at run time — a static relative import into another project cannot
 * be rewritten by `tsc -b` (TS2878) — and typed from their sources.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

const SERVER_SRC = path.resolve(import.meta.dirname, "../../../apps/server/src");

/** Imports `apps/server/src/<file>`; type it with `typeof import("…/<file, .js>")`. */
export async function load<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(SERVER_SRC, file)).href)) as T;
}

export const { syncConnection } =
  await load<typeof import("../../../apps/server/src/sync/sync-connection.js")>("sync/sync-connection.ts");
export const { insertKeyResult, insertObjective, insertPeriod } =
  await load<typeof import("../../../apps/server/src/testing/okr-rows.js")>("testing/okr-rows.ts");
export const schema =
  await load<typeof import("../../../apps/server/src/db/schema/index.js")>("db/schema/index.ts");
