import { describe, expect, it } from "vitest";
import { liveSyncWaitSeconds } from "./live-sync-delay.ts";

const now = new Date("2026-08-16T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("liveSyncWaitSeconds", () => {
  it.each([
    ["nothing waiting", null, null, 0],
    ["a lone change a second ago", ago(1), ago(1), 0],
    ["a lone change just now", ago(0.2), ago(0.2), 1],
    ["a burst still coming, 5 s in", ago(5), ago(0.1), 1],
    ["a burst that stopped 2 s ago", ago(20), ago(2), 0],
    ["a stream that never stops, 59.5 s in", ago(59.5), ago(0.1), 1],
    ["a stream that never stops, a minute in", ago(60), ago(0.1), 0],
  ])("%s → %i s", (_name, oldestChangeAt, newestChangeAt, wait) => {
    expect(liveSyncWaitSeconds({ oldestChangeAt, newestChangeAt, now })).toBe(wait);
  });
});
