/** A calendar quarter (UTC): its name and `[start, end)`. */
export interface Quarter {
  readonly name: string;
  readonly start: Date;
  readonly end: Date;
}

/**
 * The UTC calendar quarter containing `at`, named like "Q3 2026"; `end` is the next quarter's start.
 * @example quarterOf(new Date("2026-08-15T00:00:00Z")) // { name: "Q3 2026", start: 2026-07-01, end: 2026-10-01 }
 */
export function quarterOf(at: Date): Quarter {
  const year = at.getUTCFullYear();
  const index = Math.floor(at.getUTCMonth() / 3);
  return {
    name: `Q${index + 1} ${year}`,
    start: new Date(Date.UTC(year, index * 3, 1)),
    end: new Date(Date.UTC(year, index * 3 + 3, 1)),
  };
}
