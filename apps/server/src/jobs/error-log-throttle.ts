/** Whether to log this occurrence of a repeating error, and how many were left unlogged since the last line. */
export interface ThrottleVerdict {
  log: boolean;
  suppressed: number;
}

/**
 * Backs off the logging of an error that repeats (the job queue's polls while the database is down: ~20 a
 * second): the first is logged, then at most one line per gap, the gap doubling from `minGapMs` up to
 * `maxGapMs`; a quiet spell of `maxGapMs` starts over. Each logged line says how many were left out.
 */
export function createErrorLogThrottle(options: { now: () => number; minGapMs?: number; maxGapMs?: number }) {
  const minGap = options.minGapMs ?? 1_000;
  const maxGap = options.maxGapMs ?? 60_000;
  let lastLogged = Number.NEGATIVE_INFINITY;
  let lastSeen = Number.NEGATIVE_INFINITY;
  let gap = minGap;
  let suppressed = 0;
  return (): ThrottleVerdict => {
    const now = options.now();
    if (now - lastSeen >= maxGap) gap = minGap;
    lastSeen = now;
    if (now - lastLogged >= gap || lastLogged === Number.NEGATIVE_INFINITY) {
      const verdict = { log: true, suppressed };
      if (lastLogged !== Number.NEGATIVE_INFINITY && now - lastLogged < maxGap)
        gap = Math.min(gap * 2, maxGap);
      lastLogged = now;
      suppressed = 0;
      return verdict;
    }
    suppressed += 1;
    return { log: false, suppressed };
  };
}
