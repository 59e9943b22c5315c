import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";

const scrape = (goalpost: Goalpost, remoteAddress: string, authorization?: string) =>
  goalpost.app.inject({
    method: "GET",
    url: "/metrics",
    remoteAddress,
    ...(authorization ? { headers: { authorization } } : {}),
  });

describe("/metrics without METRICS_TOKEN", () => {
  let goalpost: Goalpost;
  beforeAll(async () => {
    goalpost = await startTestGoalpost("pglite");
  });
  afterAll(async () => goalpost?.close());

  it("answers a scraper on the same machine only", async () => {
    expect((await scrape(goalpost, "127.0.0.1")).statusCode).toBe(200);
    expect((await scrape(goalpost, "::1")).statusCode).toBe(200);
    const remote = await scrape(goalpost, "203.0.113.9");
    expect(remote.statusCode).toBe(403);
    expect(remote.body).not.toContain("process_cpu");
    expect(remote.json().error.message).toContain("METRICS_TOKEN");
  });
});

describe("/metrics with METRICS_TOKEN", () => {
  let goalpost: Goalpost;
  const token = "m".repeat(32);
  beforeAll(async () => {
    goalpost = await startTestGoalpost("pglite", { METRICS_TOKEN: token });
  });
  afterAll(async () => goalpost?.close());

  it("answers whoever presents the token, from anywhere, and no one else", async () => {
    expect((await scrape(goalpost, "203.0.113.9", `Bearer ${token}`)).statusCode).toBe(200);
    expect((await scrape(goalpost, "203.0.113.9", "Bearer wrong")).statusCode).toBe(401);
    expect((await scrape(goalpost, "203.0.113.9")).statusCode).toBe(401);
    expect((await scrape(goalpost, "127.0.0.1")).statusCode).toBe(401);
  });
});
