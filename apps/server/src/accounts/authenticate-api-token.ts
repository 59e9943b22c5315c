import { eq } from "drizzle-orm";
import { hashToken } from "../auth/opaque-token.ts";
import type { Db } from "../db/database.ts";
import { apiTokens } from "../db/schema/index.ts";
import { findTokenOwner } from "./api-token.repo.ts";

/** `lastUsedAt` is refreshed at most this often, so scripts calling in a loop don't write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** The token and user a bearer token belongs to, or null for an unknown (or revoked) token. */
export async function authenticateApiToken(deps: { db: Db; now(): Date }, token: string) {
  const owner = await findTokenOwner(deps.db, hashToken(token));
  if (!owner) return null;
  const lastUsedAt = await touchApiToken(deps, owner);
  return { tokenId: owner.tokenId, user: owner.user, lastUsedAt };
}

/** Records that a token was used now, unless that was recorded less than a minute ago; the time recorded. */
export async function touchApiToken(
  deps: { db: Db; now(): Date },
  token: { tokenId: string; lastUsedAt: Date | null },
): Promise<Date | null> {
  const now = deps.now();
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() <= LAST_USED_RESOLUTION_MS) {
    return token.lastUsedAt;
  }
  await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.tokenId));
  return now;
}
