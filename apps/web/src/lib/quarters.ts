import { quarterOf } from "@goalpost/domain";

/** A suggested period: a calendar quarter (UTC). */
export interface QuarterRange {
  name: string;
  start: string;
  end: string;
}

/**
 * The calendar quarter `offset` quarters after the one containing `now` (`@goalpost/domain`'s
 * {@link quarterOf}), with the API's ISO timestamps: from its first instant to the first instant of the
 * next quarter (UTC, half-open like the API's periods).
 * @example quarterAfter(new Date("2026-11-23T00:00:00Z"), 1) // { name: "Q1 2027", start: "2027-01-01T00:00:00.000Z", end: "2027-04-01T00:00:00.000Z" }
 */
export function quarterAfter(now: Date, offset = 0): QuarterRange {
  const { name, start, end } = quarterOf(
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3 * offset, 1)),
  );
  return { name, start: start.toISOString(), end: end.toISOString() };
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
