import type { Period } from "./period.ts";

/** The statuses a key result or objective can have, with their bar colours. */
export const PROGRESS_STATUSES = ["not_started", "on_track", "behind", "at_risk", "achieved"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** Largest gap, in percentage points, that is still "behind" rather than "at risk". */
export const BEHIND_MAX_GAP = 25;

/**
 * The colour of a status's progress bar.
 * @example STATUS_COLOURS.at_risk // "red"
 */
export const STATUS_COLOURS: Readonly<Record<ProgressStatus, "grey" | "green" | "orange" | "red">> = {
  not_started: "grey",
  on_track: "green",
  behind: "orange",
  at_risk: "red",
  achieved: "green",
};

export interface StatusInput {
  /** Progress in percent (unclamped), `null` when there is no data. */
  readonly progress: number | null;
  /** Expected progress in percent (see `expectedProgress`). */
  readonly expected: number;
  readonly now: Date;
  readonly period: Period;
}

/**
 * Status from progress and expected progress, in points (`gap = expected − progress`):
 * progress ≥ 100 → achieved; before the period starts with no progress (≤ 0) → not started;
 * no data (`progress: null`) → not started; gap ≤ 0 → on track; 0 < gap ≤ 25 → behind; gap > 25 → at risk.
 * @example
 * computeStatus({ progress: 40, expected: 60, now: new Date("2026-02-24"), period }) // "behind"
 */
export function computeStatus(input: StatusInput): ProgressStatus {
  const { progress, expected, now, period } = input;
  if (progress === null) return "not_started";
  if (progress >= 100) return "achieved";
  if (now.getTime() < period.start.getTime() && progress <= 0) return "not_started";
  const gap = expected - progress;
  if (gap <= 0) return "on_track";
  return gap <= BEHIND_MAX_GAP ? "behind" : "at_risk";
}
