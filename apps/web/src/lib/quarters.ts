/** A suggested period: a calendar quarter (UTC). */
export interface QuarterRange {
  name: string;
  start: string;
  end: string;
}

/**
 * The calendar quarter `offset` quarters after the one containing `now`, named "Q4 2026", from its first
 * instant to the first instant of the next quarter (UTC, half-open like the API's periods).
 * @example quarterOf(new Date("2026-11-23T00:00:00Z")) // { name: "Q4 2026", start: "2026-10-01T00:00:00.000Z", end: "2027-01-01T00:00:00.000Z" }
 */
export function quarterOf(now: Date, offset = 0): QuarterRange {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const quarter = index - year * 4;
  const start = new Date(Date.UTC(year, quarter * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3 + 3, 1));
  return { name: `Q${quarter + 1} ${year}`, start: start.toISOString(), end: end.toISOString() };
}

/** The id of the period containing `now`, else the latest that started, else the first; null for none. */
export function pickCurrentPeriodId(
  periods: readonly { id: string; start: string; end: string }[],
  now: Date,
): string | null {
  const time = now.getTime();
  const current = periods.find((p) => Date.parse(p.start) <= time && time < Date.parse(p.end));
  if (current) return current.id;
  const started = periods
    .filter((p) => Date.parse(p.start) <= time)
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return started[0]?.id ?? periods[0]?.id ?? null;
}
