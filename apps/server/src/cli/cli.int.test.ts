import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/load-config.ts";
import { startGoalpost } from "../start-goalpost.ts";
import { httpSession } from "../testing/http-session.ts";

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "cli.ts");
const run = promisify(execFile);

describe("npm run cli", () => {
  // Two processes, each opening and migrating an on-disk embedded database: slow on a loaded machine.
  it("creates a user and a token that GET /api/v1/me accepts", { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "gp-cli-"));
    const env = { ...process.env, DATA_DIR: dataDir, SECRETS_KEY: randomBytes(32).toString("base64") };
    const cli = (...args: string[]) => run(process.execPath, [CLI, ...args], { env });

    const created = await cli(
      "user",
      "create",
      "--org",
      "Acme",
      "--email",
      "Ops@Acme.test",
      "--password",
      "s3cret-pass",
      "--admin",
    );
    expect(created.stdout).toContain('Created user ops@acme.test as admin of new organisation "Acme"');
    const member = await cli(
      "user",
      "create",
      "--org",
      "Acme",
      "--email",
      "dev@acme.test",
      "--password",
      "s3cret-pass",
    );
    expect(member.stdout).toContain("as member of organisation");
    const { stdout } = await cli("token", "create", "--email", "ops@acme.test");
    const token = stdout.trim();
    expect(token).toMatch(/^gp_/);

    await expect(cli("user", "create", "--org", "Acme", "--email", "x@acme.test")).rejects.toMatchObject({
      stderr: expect.stringContaining("--password is required"),
    });
    await expect(cli("token", "create", "--email", "nobody@acme.test")).rejects.toMatchObject({
      stderr: expect.stringContaining("No user with email nobody@acme.test"),
    });
    await expect(cli("frobnicate")).rejects.toMatchObject({ stderr: expect.stringContaining("Usage:") });

    const config = loadConfig({ DATA_DIR: dataDir, SECRETS_KEY: env.SECRETS_KEY, WORKERS: "off" });
    const goalpost = await startGoalpost(config, { logger: pino({ level: "silent" }) });
    try {
      const me = await httpSession(goalpost.app, { bearer: token }).get("/api/v1/me");
      expect(me.statusCode).toBe(200);
      expect(me.json().user.email).toBe("ops@acme.test");
      expect(me.json().orgs).toEqual([{ id: expect.any(String), name: "Acme", role: "admin" }]);
      const bad = await httpSession(goalpost.app, { bearer: `${token}x` }).get("/api/v1/me");
      expect(bad.statusCode).toBe(401);
    } finally {
      await goalpost.close();
    }
  });
});
