import { rollupObjective } from "../status/rollup-objective.ts";

/** One key result's progress over time, oldest first. */
export interface KeyResultSeries {
  readonly weight?: number;
  readonly points: readonly { readonly at: Date; readonly progress: number | null }[];
}

/**
 * An objective's progress over time when it rolls up from its key results: at every moment one of them
 * changed, the weighted rollup of each key result's latest progress so far (a key result with no point
 * yet, or without data, is left out, as in {@link rollupObjective}). Moments where the rollup has no value
 * are skipped, and so are moments that repeat the previous value.
 * @example
 * rollupHistory([
 *   { points: [{ at: new Date("2026-01-01"), progress: 20 }] },
 *   { points: [{ at: new Date("2026-01-05"), progress: 60 }] },
 * ]) // [{ at: 2026-01-01, progress: 20 }, { at: 2026-01-05, progress: 40 }]
 */
export function rollupHistory(series: readonly KeyResultSeries[]): { at: Date; progress: number }[] {
  const events = series
    .flatMap((krSeries, index) => krSeries.points.map((point) => ({ index, ...point })))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest: (number | null)[] = series.map(() => null);
  const out: { at: Date; progress: number }[] = [];
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as (typeof events)[number];
    latest[event.index] = event.progress;
    const next = events[i + 1];
    if (next && next.at.getTime() === event.at.getTime()) continue;
    const progress = rollupObjective(
      series.map((krSeries, index) => ({ progress: latest[index] ?? null, weight: krSeries.weight ?? 1 })),
    );
    if (progress === null || out.at(-1)?.progress === progress) continue;
    out.push({ at: event.at, progress });
  }
  return out;
}
