/** Seconds Jira must have been quiet (no change reported) before a live re-sync reads: the rest of a burst joins it. */
export const LIVE_SYNC_QUIET_SECONDS = 1;
/** Longest a reported change waits for its re-sync while changes keep coming (what the change probe gives). */
export const MAX_LIVE_SYNC_WAIT_SECONDS = 60;

/**
 * How much longer a live re-sync waits before reading, given the changes it would read (0: read now). It
 * waits until no change has been reported for {@link LIVE_SYNC_QUIET_SECONDS}, but never beyond
 * {@link MAX_LIVE_SYNC_WAIT_SECONDS} after the oldest one: a lone change shows in about a second, a burst of
 * hundreds (a bulk edit, a sprint closing) costs one re-sync after it ends, a stream that never stops one a
 * minute.
 * @example liveSyncWaitSeconds({ oldestChangeAt: ago(5), newestChangeAt: ago(0.2), now }) // 1
 */
export function liveSyncWaitSeconds(input: {
  oldestChangeAt: Date | null;
  newestChangeAt: Date | null;
  now: Date;
}): number {
  if (input.oldestChangeAt === null || input.newestChangeAt === null) return 0;
  const quietFor = (input.now.getTime() - input.newestChangeAt.getTime()) / 1000;
  const waitedFor = (input.now.getTime() - input.oldestChangeAt.getTime()) / 1000;
  if (quietFor >= LIVE_SYNC_QUIET_SECONDS || waitedFor >= MAX_LIVE_SYNC_WAIT_SECONDS) return 0;
  return Math.max(
    1,
    Math.ceil(Math.min(LIVE_SYNC_QUIET_SECONDS - quietFor, MAX_LIVE_SYNC_WAIT_SECONDS - waitedFor)),
  );
}
