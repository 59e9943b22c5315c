import { and, desc, eq, lt, or } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { apiTokens, users } from "../db/schema/index.ts";
import type { CursorPosition } from "../paging/cursor.ts";

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
    .where(
      and(
        eq(apiTokens.userId, userId),
        before
          ? or(
              lt(apiTokens.createdAt, before.at),
              and(eq(apiTokens.createdAt, before.at), lt(apiTokens.id, before.id)),
            )
          : undefined,
      ),
    )
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
