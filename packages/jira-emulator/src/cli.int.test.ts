/**
 * Spawns the CLI (`src/cli.ts`) on a free port with every flag, reads the base URL and credentials it prints,
 * calls Jira with them, checks the latency and rate-limit flags took effect, then stops it with SIGINT (Ctrl-C).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic } from "./test-support.ts";

const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let child: ChildProcess;
let output = "";
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

beforeAll(async () => {
  const port = await freePort();
  child = spawn(
    process.execPath,
    [
      CLI,
      ...["--port", String(port), "--dataset", "demo", "--user", "ada@example.com:token123"],
      ...["--user", "bob@example.com:bob-token", "--seed", "7", "--issues", "300"],
      ...["--latency", "100", "--jitter", "20", "--rate-limit", "20/s"],
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ctrl-C stops it.")) resolve();
    });
    child.once("exit", () => reject(new Error(`CLI exited early:\n${output}`)));
  });
});
afterAll(() => {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
});

function printedUrl(): string {
  const match = /listening on (http:\/\/[^\s]+)/.exec(output);
  return match?.[1] ?? "";
}

function printedCredentials(): [string, string][] {
  return [...output.matchAll(/^\s+(\S+@\S+) \/ (\S+)/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]);
}

describe("jira-emulator CLI", () => {
  it("prints the base URL, every credential and the faults", () => {
    expect(printedUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(printedCredentials()).toEqual([
      ["ada@example.com", "token123"],
      ["bob@example.com", "bob-token"],
      ["dana@example.com", "dana-token"],
      ["pat@example.com", "pat-token"],
      ["nobody@example.com", "nobody-token"],
    ]);
    expect(output).toMatch(/dataset: demo \(seed 7, 7 projects, 3\d\d issues\)/);
    expect(output).toContain("faults: latency 100 ms, jitter 20 ms, rate limit 20/s");
  });

  it("answers /myself for each printed site admin, with the configured latency", async () => {
    for (const [email, token] of printedCredentials().slice(0, 2)) {
      const started = performance.now();
      const res = await fetch(`${printedUrl()}/rest/api/3/myself`, {
        headers: { authorization: basic(email, token), accept: "application/json" },
      });
      expect(performance.now() - started).toBeGreaterThanOrEqual(95);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { emailAddress?: string }).emailAddress).toBe(email);
    }
    const faults = await (await fetch(`${printedUrl()}/_emulator/faults`)).json();
    expect(faults).toMatchObject({ latencyMs: 100, jitterMs: 20, rateLimitPerSecond: 20 });
  });

  it("serves the demo situations to the dataset's narrower users", async () => {
    const dana = printedCredentials().find(([email]) => email === "dana@example.com") ?? ["", ""];
    const res = await fetch(`${printedUrl()}/rest/api/3/search/approximate-count`, {
      method: "POST",
      headers: { authorization: basic(...dana), "content-type": "application/json" },
      body: JSON.stringify({ jql: '"Epic Link" = AE-786' }),
    });
    expect(await res.json()).toEqual({ count: 10 });
  });

  it("rate-limits above --rate-limit with Jira's 429", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [email, token] = printedCredentials()[0] ?? ["", ""];
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`${printedUrl()}/rest/api/3/serverInfo`, { headers: { authorization: basic(email, token) } }),
      ),
    );
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(5);
    expect(limited[0]?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(limited[0]?.headers.get("ratelimit-reason")).toBe("jira-burst-based");
    await Promise.all(responses.map((r) => r.arrayBuffer()));
  });

  it("stops cleanly on SIGINT (Ctrl-C)", async () => {
    child.kill("SIGINT");
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(output).toContain("Jira emulator stopped.");
    await expect(fetch(`${printedUrl()}/rest/api/3/serverInfo`)).rejects.toThrow();
  });
});
