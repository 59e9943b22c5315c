/** Seconds a live re-sync waits after a quiet spell: the rest of a small burst joins it. */
export const LIVE_SYNC_DEBOUNCE_SECONDS = 1;
/** Longest gap between two live re-syncs of one connection while changes keep pouring in. */
export const MAX_LIVE_SYNC_GAP_SECONDS = 60;
/** The window recent deliveries are counted over. */
export const DELIVERY_RATE_WINDOW_SECONDS = 10;

/**
 * How long a live re-sync requested now waits. A lone change syncs after a one-second debounce; while changes
 * keep arriving (a bulk edit, a sprint closing) the gap since the connection's last sync grows with their rate,
 * up to a minute (what the change probe gives), so a burst of hundreds costs two or three syncs however long
 * Jira takes to deliver it, and a lone change still shows in seconds.
 * @example liveSyncDelaySeconds({ recentDeliveries: 1, lastAttemptAt: null, now }) // 1
 */
export function liveSyncDelaySeconds(input: {
  /** Accepted deliveries of the connection in the last {@link DELIVERY_RATE_WINDOW_SECONDS}. */
  recentDeliveries: number;
  /** Start of the connection's last sync, if any. */
  lastAttemptAt: Date | null;
  now: Date;
}): number {
  const perSecond = input.recentDeliveries / DELIVERY_RATE_WINDOW_SECONDS;
  const gap = Math.min(MAX_LIVE_SYNC_GAP_SECONDS, Math.max(LIVE_SYNC_DEBOUNCE_SECONDS, perSecond * 3));
  if (input.lastAttemptAt === null) return LIVE_SYNC_DEBOUNCE_SECONDS;
  const sinceLast = (input.now.getTime() - input.lastAttemptAt.getTime()) / 1000;
  return Math.max(LIVE_SYNC_DEBOUNCE_SECONDS, Math.ceil(gap - sinceLast));
}
