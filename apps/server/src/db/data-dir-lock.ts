import { mkdir } from "node:fs/promises";
import path from "node:path";
import lockfile from "proper-lockfile";

/** Raised when another process holds the data folder. */
export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `Another Goalpost process is using the data folder ${path.resolve(dataDir)}. ` +
        "The embedded database can be opened by one process only: stop the other process, " +
        "or run several processes against PostgreSQL (DATABASE_URL).",
    );
    this.name = "DataDirLockedError";
  }
}

/**
 * Takes an exclusive lock on the PGlite folder: two processes on one folder silently lose committed rows.
 * A lock left by a killed process goes stale after a few seconds and is then taken over.
 * @returns a function that releases the lock.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, "goalpost.lock"),
      stale: 5_000,
      update: 1_000,
      retries: { retries: 4, minTimeout: 500, maxTimeout: 2_000 },
      realpath: false,
    });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ELOCKED")
      throw new DataDirLockedError(dataDir);
    throw error;
  }
}
