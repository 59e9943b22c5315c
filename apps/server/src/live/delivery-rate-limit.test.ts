import { describe, expect, it } from "vitest";
import { DeliveryRateLimit } from "./delivery-rate-limit.ts";

describe("DeliveryRateLimit", () => {
  it("lets a burst through, refuses beyond it, and refills with time, per hook", () => {
    let now = 0;
    const limit = new DeliveryRateLimit({ burst: 3, perSecond: 2, now: () => now });
    expect([1, 2, 3, 4].map(() => limit.take("a"))).toEqual([true, true, true, false]);
    expect(limit.take("b")).toBe(true);
    now += 499;
    expect(limit.take("a")).toBe(false);
    now += 1;
    expect(limit.take("a")).toBe(true);
    now += 60_000;
    expect([1, 2, 3, 4].map(() => limit.take("a"))).toEqual([true, true, true, false]);
  });
});
