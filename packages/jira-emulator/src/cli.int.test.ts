/**
 * Spawns the CLI (`src/cli.ts`) on a free port with the documented flags, reads the base URL and credentials it
 * prints, calls Jira with them, checks latency and rate limiting took effect, then stops it with SIGINT (Ctrl-C).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic } from "./test-support.ts";
import { type CliProcess, startCli, stopCli } from "./test-support-cli.ts";

let cli: CliProcess;

beforeAll(async () => {
  cli = await startCli([
    ...["--dataset", "demo", "--user", "ada@example.com:token123", "--user", "bob@example.com:bob-token"],
    ...["--seed", "7", "--issues", "300", "--latency", "100", "--jitter", "20", "--rate-limit", "20/s"],
  ]);
});
afterAll(async () => {
  await stopCli(cli);
});

describe("jira-emulator CLI", () => {
  it("prints the base URL, every credential and the faults", () => {
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.credentials()).toEqual([
      ["ada@example.com", "token123"],
      ["bob@example.com", "bob-token"],
      ["dana@example.com", "dana-token"],
      ["pat@example.com", "pat-token"],
      ["nobody@example.com", "nobody-token"],
    ]);
    expect(cli.output()).toMatch(/dataset: demo \(seed 7, 7 projects, 3\d\d issues\)/);
    expect(cli.output()).toContain("faults: latency 100 ms, jitter 20 ms, rate limit 20/s");
  });

  it("answers /myself for each printed site admin, with the configured latency", async () => {
    for (const [email, token] of cli.credentials().slice(0, 2)) {
      const started = performance.now();
      const res = await fetch(`${cli.url}/rest/api/3/myself`, {
        headers: { authorization: basic(email, token), accept: "application/json" },
      });
      expect(performance.now() - started).toBeGreaterThanOrEqual(95);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { emailAddress?: string }).emailAddress).toBe(email);
    }
    const faults = await (await fetch(`${cli.url}/_emulator/faults`)).json();
    expect(faults).toMatchObject({ latencyMs: 100, jitterMs: 20, rateLimitPerSecond: 20 });
  });

  it("serves the demo situations to the dataset's narrower users", async () => {
    const dana = cli.credentials().find(([email]) => email === "dana@example.com") ?? ["", ""];
    const res = await fetch(`${cli.url}/rest/api/3/search/approximate-count`, {
      method: "POST",
      headers: { authorization: basic(...dana), "content-type": "application/json" },
      body: JSON.stringify({ jql: '"Epic Link" = AE-786' }),
    });
    expect(await res.json()).toEqual({ count: 10 });
  });

  it("rate-limits above --rate-limit with Jira's 429", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [email, token] = cli.credentials()[0] ?? ["", ""];
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`${cli.url}/rest/api/3/serverInfo`, { headers: { authorization: basic(email, token) } }),
      ),
    );
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(5);
    expect(limited[0]?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(limited[0]?.headers.get("ratelimit-reason")).toBe("jira-burst-based");
    await Promise.all(responses.map((r) => r.arrayBuffer()));
  });

  it("stops cleanly on SIGINT (Ctrl-C)", async () => {
    expect(await stopCli(cli)).toEqual({ code: 0, signal: null });
    expect(cli.output()).toContain("Jira emulator stopped.");
    await expect(fetch(`${cli.url}/rest/api/3/serverInfo`)).rejects.toThrow();
  });

  it("refuses a bad flag with a message and exit code 2", async () => {
    await expect(startCli(["--rate-limit", "fast"])).rejects.toThrow(/--rate-limit expects N\/s/);
  });
});
