const KEY = "goalpost.lastOrgId";

/** The organisation the user last visited (used for navigation on pages outside `/o/:orgId`). */
export function readLastOrgId(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Remembers the organisation the user is looking at. */
export function writeLastOrgId(orgId: string): void {
  try {
    window.localStorage.setItem(KEY, orgId);
  } catch {
    // Storage may be unavailable (private mode); navigation then falls back to the first org.
  }
}

/** Picks the org to show: the one in the URL, else the last visited one, else the first. */
export function pickCurrentOrgId(
  orgIds: readonly string[],
  fromUrl: string | null | undefined,
  lastVisited: string | null | undefined,
): string | null {
  if (fromUrl && orgIds.includes(fromUrl)) return fromUrl;
  if (lastVisited && orgIds.includes(lastVisited)) return lastVisited;
  return orgIds[0] ?? null;
}
