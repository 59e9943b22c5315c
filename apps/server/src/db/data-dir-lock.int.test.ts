import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DataDirLockedError } from "./data-dir-lock.ts";
import { openDatabase } from "./open-database.ts";

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../main.ts");

function runServer(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe("the embedded database folder", () => {
  it("can be opened by one process only: a second server refuses to start with a clear message", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "gp-lock-"));
    const first = await openDatabase({ kind: "pglite", dataDir });
    try {
      await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
      const second = await runServer(dataDir);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain("Another Goalpost process is using the data folder");
      expect(second.stderr).toContain("DATABASE_URL");
    } finally {
      await first.close();
    }
    const reopened = await openDatabase({ kind: "pglite", dataDir });
    await reopened.close();
  });
});
