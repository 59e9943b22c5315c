import { describe, expect, it } from "vitest";
import { createErrorLogThrottle } from "./error-log-throttle.ts";

describe("createErrorLogThrottle", () => {
  it("turns 20 errors a second for 10 minutes into a handful of lines that count the rest", () => {
    let now = 0;
    const shouldLog = createErrorLogThrottle({ now: () => now });
    const lines: number[] = [];
    let total = 0;
    for (let i = 0; i < 20 * 600; i++) {
      now = i * 50;
      const verdict = shouldLog();
      if (verdict.log) {
        lines.push(now);
        total += verdict.suppressed + 1;
      }
    }
    // 0 s, 1 s, 3 s, 7 s, 15 s, 31 s, 63 s, then one a minute.
    expect(lines.slice(0, 7)).toEqual([0, 1_000, 3_000, 7_000, 15_000, 31_000, 63_000]);
    expect(lines.length).toBeLessThanOrEqual(16);
    expect(total).toBeLessThanOrEqual(20 * 600);
    expect(total).toBeGreaterThan(20 * 600 - 20 * 60);
  });

  it("starts over after a quiet minute", () => {
    let now = 0;
    const shouldLog = createErrorLogThrottle({ now: () => now });
    expect(shouldLog().log).toBe(true);
    now = 100;
    expect(shouldLog()).toEqual({ log: false, suppressed: 1 });
    now = 120_000;
    expect(shouldLog()).toEqual({ log: true, suppressed: 1 });
    now = 121_000;
    expect(shouldLog().log).toBe(true);
  });
});
