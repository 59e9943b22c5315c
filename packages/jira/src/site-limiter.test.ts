import { describe, expect, it } from "vitest";
import { createSemaphore, createSiteLimiter } from "./site-limiter.ts";

describe("createSemaphore", () => {
  it("never lets more than `limit` run, FIFO", async () => {
    const semaphore = createSemaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (n) => {
        const release = await semaphore.acquire();
        order.push(n);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        release();
        release(); // double release is harmless
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(semaphore.active).toBe(0);
    expect(semaphore.waiting).toBe(0);
  });
});

describe("createSiteLimiter", () => {
  it("keys by host, case-insensitively", () => {
    const limiter = createSiteLimiter();
    expect(limiter.forSite("Acme.atlassian.net", 2)).toBe(limiter.forSite("acme.atlassian.net", 9));
    expect(limiter.forSite("a.atlassian.net", 2)).not.toBe(limiter.forSite("b.atlassian.net", 2));
  });
});
