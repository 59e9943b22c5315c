import { describe, expect, it } from "vitest";
import { liveSyncDelaySeconds } from "./live-sync-delay.ts";

const now = new Date("2026-08-16T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("liveSyncDelaySeconds", () => {
  it.each([
    ["a lone change, never synced", 1, null, 1],
    ["a lone change after a quiet spell", 1, ago(600), 1],
    ["a lone change just after a sync", 1, ago(0), 1],
    ["a change every 3 s, synced 1 s ago", 3, ago(1), 1],
    ["a few changes a second, synced 1 s ago", 30, ago(1), 8],
    ["a flood, synced 2 s ago", 500, ago(2), 58],
    ["a flood, synced 20 s ago", 500, ago(20), 40],
    ["a stream of 15 a second, synced 30 s ago", 150, ago(30), 15],
    ["a flood, synced 70 s ago", 500, ago(70), 1],
  ])("%s → %i s", (_name, recentDeliveries, lastAttemptAt, delay) => {
    expect(liveSyncDelaySeconds({ recentDeliveries, lastAttemptAt, now })).toBe(delay);
  });
});
