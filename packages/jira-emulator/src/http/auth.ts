/** Basic auth (`email:api-token`) as Jira Cloud does it. */
import type { SiteStore } from "../store/site-store.ts";
import type { SiteUser } from "../store/types.ts";

/** Who is calling: a user, anonymous (no header), or invalid credentials. */
export type Caller =
  | { kind: "user"; user: SiteUser }
  | { kind: "anonymous" }
  | { kind: "invalid"; revoked?: true };

/** Resolves the `Authorization` header; revoked users (by account id or e-mail) are invalid. */
export function resolveCaller(store: SiteStore, header: string | null, revoked: readonly string[]): Caller {
  if (header === null || header.trim() === "") return { kind: "anonymous" };
  const match = /^Basic\s+(.+)$/i.exec(header.trim());
  if (match?.[1] === undefined) return { kind: "invalid" };
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return { kind: "invalid" };
  const user = store.findUserByEmail(decoded.slice(0, colon));
  const token = decoded.slice(colon + 1);
  if (user === undefined || !user.active || !user.apiTokens.includes(token)) return { kind: "invalid" };
  if (
    revoked.includes(user.accountId) ||
    revoked.map((r) => r.toLowerCase()).includes(user.emailAddress.toLowerCase())
  ) {
    return { kind: "invalid", revoked: true };
  }
  return { kind: "user", user };
}
