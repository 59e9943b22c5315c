import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { apiTokens, users } from "../db/schema/index.ts";
import type { CursorPosition } from "../paging/cursor.ts";
import { keysetClause } from "../paging/keyset-clause.ts";

export const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

/** A page of a user's tokens, newest first. */
export async function selectUserTokens(db: Db, userId: string, limit: number, before: CursorPosition | null) {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), keysetClause(apiTokens.createdAt, apiTokens.id, before, "desc")))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(limit + 1);
}

/** The token row and its user for a token hash, or null. */
export async function findTokenOwner(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      user: { id: users.id, name: users.name, email: users.email },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row ?? null;
}
