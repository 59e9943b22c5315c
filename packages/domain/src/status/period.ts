/**
 * A time period `[start, end]` that key results belong to (a quarter by default).
 * @example const q1: Period = { start: new Date("2026-01-01T00:00:00Z"), end: new Date("2026-04-01T00:00:00Z") };
 */
export interface Period {
  readonly start: Date;
  readonly end: Date;
}
