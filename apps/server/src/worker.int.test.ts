import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { cleanupExpiredSessionsJob } from "./jobs/cleanup-expired-sessions.job.ts";
import { startTestGoalpost } from "./testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "./testing/test-database.ts";

const WORKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "worker.ts");
const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "main.ts");

describe("npm run worker", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill("SIGTERM");
  });

  it("refuses to run on the embedded database, saying why", async () => {
    const run = promisify(execFile)(process.execPath, [WORKER], {
      env: { ...process.env, DATABASE_URL: "" },
    });
    await expect(run).rejects.toMatchObject({
      code: 78,
      stderr: expect.stringContaining("needs DATABASE_URL"),
    });
  });

  it("refuses a bad variable at boot, naming it", async () => {
    const run = promisify(execFile)(process.execPath, [MAIN], { env: { ...process.env, PORT: "eighty" } });
    await expect(run).rejects.toMatchObject({ code: 78, stderr: expect.stringContaining("PORT:") });
  });

  it.each(TEST_ENGINES.filter((engine) => engine === "postgres"))(
    "runs jobs that a server with WORKERS=off enqueues, sharing one %s database",
    async (engine) => {
      const secretsKey = randomBytes(32).toString("base64");
      const server = await startTestGoalpost(engine, { SECRETS_KEY: secretsKey, WORKERS: "off" });
      try {
        if (server.database.kind !== "postgres") throw new Error("expected PostgreSQL");
        child = spawn(process.execPath, [WORKER], {
          env: {
            ...process.env,
            DATABASE_URL: server.database.url,
            SECRETS_KEY: secretsKey,
            LOG_LEVEL: "warn",
          },
          stdio: "ignore",
        });
        const jobId = await server.queue.enqueue(cleanupExpiredSessionsJob, {});
        const state = async () => {
          const result = await server.database.db.execute(
            sql`select state from pgboss.job where id = ${jobId}`,
          );
          return (result as unknown as { rows: { state: string }[] }).rows[0]?.state;
        };
        await expect.poll(state, { timeout: 30_000, interval: 250 }).toBe("completed");
      } finally {
        child?.kill("SIGTERM");
        await new Promise((resolve) => setTimeout(resolve, 500));
        await server.close();
      }
    },
  );
});
