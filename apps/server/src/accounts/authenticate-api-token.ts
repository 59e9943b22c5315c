import { eq } from "drizzle-orm";
import { hashToken } from "../auth/opaque-token.ts";
import type { Db } from "../db/database.ts";
import { apiTokens } from "../db/schema/index.ts";
import { findTokenOwner } from "./api-token.repo.ts";

/** `lastUsedAt` is refreshed at most this often, so scripts calling in a loop don't write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The user a bearer token belongs to, or null for an unknown (or revoked) token. */
export async function authenticateApiToken(deps: { db: Db; now(): Date }, token: string) {
  const owner = await findTokenOwner(deps.db, hashToken(token));
  if (!owner) return null;
  const now = deps.now();
  if (!owner.lastUsedAt || now.getTime() - owner.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, owner.tokenId));
  }
  return owner.user;
}
