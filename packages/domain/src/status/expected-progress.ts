import type { Period } from "./period.ts";

/**
 * Where progress should be at `now`, in percent: `clamp((t − start) / (end − start), 0, 1)` × 100.
 * A degenerate period (`end ≤ start`) expects 0 before its end and 100 from it.
 * @example
 * expectedProgress({ start: new Date("2026-01-01"), end: new Date("2026-01-11") }, new Date("2026-01-04")) // 30
 */
export function expectedProgress(period: Period, now: Date): number {
  const start = period.start.getTime();
  const end = period.end.getTime();
  const t = now.getTime();
  if (end <= start) return t >= end ? 100 : 0;
  const ratio = (t - start) / (end - start);
  return Math.min(1, Math.max(0, ratio)) * 100;
}
