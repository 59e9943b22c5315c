import { describe, expect, it } from "vitest";
import type { Period } from "./period.ts";
import { computeStatus, type ProgressStatus } from "./progress-status.ts";

const period: Period = { start: new Date("2026-01-01T00:00:00Z"), end: new Date("2026-04-01T00:00:00Z") };
const BEFORE = new Date("2025-12-15T00:00:00Z");
const DURING = new Date("2026-02-15T00:00:00Z");
const AFTER = new Date("2026-05-01T00:00:00Z");

describe("computeStatus", () => {
  it.each<[string, number | null, number, Date, ProgressStatus]>([
    // gap = expected − progress, in points
    ["ahead of plan", 60, 50, DURING, "on_track"],
    ["exactly on plan (gap 0)", 50, 50, DURING, "on_track"],
    ["just behind (gap 0.01)", 49.99, 50, DURING, "behind"],
    ["behind (gap 10)", 40, 50, DURING, "behind"],
    ["gap exactly 25", 25, 50, DURING, "behind"],
    ["gap just over 25", 24.9, 50, DURING, "at_risk"],
    ["at risk (gap 50)", 0, 50, DURING, "at_risk"],
    ["points, not a ratio: 10 of expected 40 (gap 30)", 10, 40, DURING, "at_risk"],
    ["points, not a ratio: 70 of expected 94 (gap 24)", 70, 94, DURING, "behind"],
    ["negative progress (KPI moving the wrong way)", -10, 5, DURING, "behind"],
    ["achieved at 100", 100, 50, DURING, "achieved"],
    ["over-achieved at 120", 120, 100, AFTER, "achieved"],
    ["achieved before the period starts", 100, 0, BEFORE, "achieved"],
    ["before the period, no progress", 0, 0, BEFORE, "not_started"],
    ["before the period, negative progress", -5, 0, BEFORE, "not_started"],
    ["before the period, some progress", 10, 0, BEFORE, "on_track"],
    ["at the very start, no progress (gap 0)", 0, 0, period.start, "on_track"],
    ["no data, during", null, 50, DURING, "not_started"],
    ["no data, before", null, 0, BEFORE, "not_started"],
    ["period ended short of target", 80, 100, AFTER, "behind"],
    ["period ended far from target", 40, 100, AFTER, "at_risk"],
  ])("%s → %s", (_name, progress, expected, now, status) => {
    expect(computeStatus({ progress, expected, now, period })).toBe(status);
  });
});
