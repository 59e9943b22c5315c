/** One observation of a measured item: when, and the number then. */
export interface TimedValue {
  readonly at: Date;
  readonly value: number;
}

/**
 * The value at `at` on the least-squares line through `points` (time → value), or null when the points do
 * not determine a line (fewer than two distinct times). Non-finite values are ignored.
 * @example
 * forecastValue([{ at: new Date("2026-01-01"), value: 0 }, { at: new Date("2026-01-11"), value: 10 }], new Date("2026-01-21")) // 20
 */
export function forecastValue(points: readonly TimedValue[], at: Date): number | null {
  const usable = points.filter(
    (point) => Number.isFinite(point.value) && Number.isFinite(point.at.getTime()),
  );
  if (usable.length < 2) return null;
  // Centre the times on the first point (in days) so the sums stay small and exact enough.
  const origin = usable[0]?.at.getTime() ?? 0;
  const xs = usable.map((point) => (point.at.getTime() - origin) / 86_400_000);
  const ys = usable.map((point) => point.value);
  const n = usable.length;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] as number) - meanX;
    sxx += dx * dx;
    sxy += dx * ((ys[i] as number) - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const x = (at.getTime() - origin) / 86_400_000;
  return meanY + slope * (x - meanX);
}
