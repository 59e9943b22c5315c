import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../testing/free-port.ts";

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../main.ts");

/**
 * The server killed or stopped while requests are in flight, on the embedded database in a folder (the
 * default install): a write the server acknowledged is there after the restart, exactly once; nothing is
 * half-written; a stopped server finishes the requests it accepted before it exits.
 */
describe("the server restarted mid-request (embedded database)", () => {
  let dataDir: string;
  let server: ChildProcess | undefined;
  const secretsKey = randomBytes(32).toString("base64");
  let base = "";
  let cookie = "";

  const start = async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: "",
        DATA_DIR: dataDir,
        SECRETS_KEY: secretsKey,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        WORKERS: "inline",
      },
      stdio: "ignore",
    });
    const ready = async () => {
      try {
        return (await fetch(`${base}/readyz`)).status;
      } catch {
        return 0;
      }
    };
    await expect.poll(ready, { timeout: 120_000, interval: 250 }).toBe(200);
  };
  const stopped = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      else child.once("exit", (code) => resolve(code));
    });
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        origin: base,
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.getSetCookie().map((header) => header.split(";")[0]);
    if (setCookie.length > 0) cookie = setCookie.join("; ");
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  /** Check-ins sent 20 at a time until `stop` says so: what each got (status, or 0 for a dropped connection). */
  const checkInUntil = async (keyResultId: string, from: number, stop: (acked: number) => boolean) => {
    const outcomes: { value: number; status: number }[] = [];
    let value = from;
    while (!stop(outcomes.filter((o) => o.status === 201).length)) {
      const batch = Array.from({ length: 20 }, () => {
        value += 1;
        return value;
      });
      outcomes.push(
        ...(await Promise.all(
          batch.map(async (v) => {
            try {
              return {
                value: v,
                status: (await call("POST", `/api/v1/key-results/${keyResultId}/check-ins`, { value: v }))
                  .status,
              };
            } catch {
              return { value: v, status: 0 };
            }
          }),
        )),
      );
      if (outcomes.some((o) => o.status === 0)) break;
    }
    return outcomes;
  };
  const historyValues = async (keyResultId: string) => {
    const history = await call("GET", `/api/v1/key-results/${keyResultId}/history`);
    expect(history.status).toBe(200);
    return (history.json.items as { value: number }[]).map((item) => item.value);
  };

  afterAll(async () => {
    server?.kill("SIGKILL");
    if (server) await stopped(server);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged check-in exactly once across a kill -9 and a graceful stop", {
    timeout: 600_000,
  }, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "goalpost-restart-"));
    await start();
    const signup = await call("POST", "/api/v1/signup", {
      name: "Ada",
      email: "ada@acme.test",
      orgName: "Acme",
      password: "correct horse battery",
    });
    expect(signup.status).toBe(201);
    const orgId = String(signup.json.orgId);
    const period = await call("POST", `/api/v1/orgs/${orgId}/periods`, {
      name: "Restart quarter",
      start: "2026-10-01",
      end: "2027-01-01",
    });
    expect(period.status).toBe(201);
    const objective = await call("POST", `/api/v1/orgs/${orgId}/objectives`, {
      title: "Survive restarts",
      periodId: period.json.id,
    });
    expect(objective.status).toBe(201);
    const keyResult = await call("POST", `/api/v1/objectives/${String(objective.json.id)}/key-results`, {
      title: "Check-ins kept",
      measure: { kind: "kpi", start: 0, target: 100_000 },
    });
    expect(keyResult.status).toBe(201);
    const keyResultId = String(keyResult.json.id);

    // kill -9 while check-ins are in flight.
    const killer = server as ChildProcess;
    const first = checkInUntil(keyResultId, 0, () => false);
    const killAfter = async () => {
      while ((await historyValues(keyResultId).catch(() => [])).length < 30) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      killer.kill("SIGKILL");
    };
    await killAfter();
    const killed = await first;
    await stopped(killer);
    expect(killed.some((o) => o.status === 0)).toBe(true);
    expect(killed.filter((o) => o.status !== 0 && o.status !== 201)).toEqual([]);

    await start();
    // (Values from 1 up: a key result's history may open with its start.)
    const afterKill = (await historyValues(keyResultId)).filter((v) => v >= 1);
    const acked = killed.filter((o) => o.status === 201).map((o) => o.value);
    for (const value of acked) expect(afterKill.filter((v) => v === value)).toHaveLength(1);
    expect(new Set(afterKill).size).toBe(afterKill.length);
    const sent = new Set(killed.map((o) => o.value));
    expect(afterKill.every((v) => sent.has(v))).toBe(true);

    // A graceful stop (SIGTERM) while check-ins are in flight: every request it accepted is answered.
    const stopping = server as ChildProcess;
    let signalled = false;
    const second = checkInUntil(keyResultId, 1_000_000, (n) => {
      // One signal: a second one means "exit now" (process/on-shutdown.ts).
      if (n >= 20 && !signalled) {
        signalled = true;
        stopping.kill("SIGTERM");
      }
      return n >= 400;
    });
    const graceful = await second;
    expect(await stopped(stopping)).toBe(0);
    expect(graceful.filter((o) => o.status !== 0 && o.status !== 201 && o.status !== 503)).toEqual([]);

    await start();
    const afterStop = (await historyValues(keyResultId)).filter((v) => v >= 1);
    for (const value of graceful.filter((o) => o.status === 201).map((o) => o.value)) {
      expect(afterStop.filter((v) => v === value)).toHaveLength(1);
    }
    expect(new Set(afterStop).size).toBe(afterStop.length);
    const read = await call("GET", `/api/v1/key-results/${keyResultId}`);
    expect(read.status).toBe(200);
  });
});
