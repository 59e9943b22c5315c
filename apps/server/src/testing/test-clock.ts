/**
 * A clock a test sets, so that no test reads the calendar: Goalpost gets `now` from it (startTestGoalpost's
 * `now` option) and the test computes its expectations from the same clock. It starts at a fixed instant
 * and runs at real speed from there, so things created one after the other keep their order.
 */
export interface TestClock {
  now: () => Date;
  /** Moves the clock to `at` (it runs on from there). */
  set(at: Date | string): void;
  /** Moves the clock `ms` milliseconds on (or back, when negative). */
  advance(ms: number): void;
}

/**
 * Sunday 16 August 2026, 00:00 UTC: day 46 of the 92 days of Q3 2026, so the current quarter's expected
 * progress is 50% (plus the seconds a test has run).
 */
export const MID_QUARTER = new Date("2026-08-16T00:00:00Z");

export function testClock(start: Date | string = MID_QUARTER): TestClock {
  let offset = 0;
  const reset = (at: Date | string) => {
    offset = new Date(at).getTime() - performance.now();
  };
  reset(start);
  return {
    now: () => new Date(Math.round(performance.now() + offset)),
    set: reset,
    advance(ms) {
      offset += ms;
    },
  };
}
