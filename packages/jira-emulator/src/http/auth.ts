/**
 * Basic auth (`email:api-token`) as Jira Cloud does it; on Data Center, personal access tokens sent as
 * `Authorization: Bearer <token>` (a user's emulated tokens are their PATs).
 */
import type { SiteStore } from "../store/site-store.ts";
import type { SiteUser } from "../store/types.ts";

/** Who is calling: a user, anonymous (no header), or invalid credentials. */
export type Caller =
  | { kind: "user"; user: SiteUser }
  | { kind: "anonymous" }
  | { kind: "invalid"; revoked?: true };

/** Resolves the `Authorization` header; revoked users (by account id or e-mail) are invalid. */
export function resolveCaller(
  store: SiteStore,
  header: string | null,
  revoked: readonly string[],
  deployment: "cloud" | "data-center" = "cloud",
): Caller {
  if (header === null || header.trim() === "") return { kind: "anonymous" };
  const user = deployment === "data-center" ? bearerUser(store, header) : basicUser(store, header);
  if (user === undefined || !user.active) return { kind: "invalid" };
  if (
    revoked.includes(user.accountId) ||
    revoked.map((r) => r.toLowerCase()).includes(user.emailAddress.toLowerCase())
  ) {
    return { kind: "invalid", revoked: true };
  }
  return { kind: "user", user };
}

/** The user whose e-mail and API token the basic `header` carries. */
function basicUser(store: SiteStore, header: string): SiteUser | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header.trim());
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const user = store.findUserByEmail(decoded.slice(0, colon));
  return user?.apiTokens.includes(decoded.slice(colon + 1)) ? user : undefined;
}

/** The user whose personal access token the bearer `header` carries. */
function bearerUser(store: SiteStore, header: string): SiteUser | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const token = match?.[1];
  if (token === undefined) return undefined;
  return [...store.users.values()].find((user) => user.apiTokens.includes(token));
}
