/**
 * Returns `next` if it is a same-origin path we may redirect to after sign-in, otherwise `fallback`.
 * Rejects absolute URLs, protocol-relative `//host` paths, backslash tricks and the auth pages themselves.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/"): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  if ([...next].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  const pathname = next.split(/[?#]/, 1)[0] ?? "";
  if (pathname === "/signin" || pathname === "/signup") return fallback;
  return next;
}

/** Builds `/signin?next=...` for the given location (path + search + hash). */
export function signInPathFor(location: { pathname: string; search?: string; hash?: string }): string {
  const next = `${location.pathname}${location.search ?? ""}${location.hash ?? ""}`;
  if (next === "/" || next === "") return "/signin";
  return `/signin?${new URLSearchParams({ next }).toString()}`;
}

/** The invite token in an `/invite/<token>` path (e.g. a sign-in `next`), or null. */
export function inviteTokenFromPath(path: string): string | null {
  const match = /^\/invite\/([^/?#]+)/.exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Where "Create an account" on the sign-in page leads: keeps a pending invite, otherwise plain sign-up. */
export function signUpPathFor(next: string): string {
  const invite = inviteTokenFromPath(next);
  return invite ? `/signup?${new URLSearchParams({ invite }).toString()}` : "/signup";
}
