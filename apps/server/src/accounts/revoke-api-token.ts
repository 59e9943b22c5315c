import { DomainError } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { apiTokens } from "../db/schema/index.ts";

/** Deletes one of the caller's tokens; it stops working at once. */
export async function revokeApiToken(db: Db, input: { userId: string; tokenId: string }): Promise<void> {
  const deleted = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, input.userId)))
    .returning({ id: apiTokens.id });
  if (deleted.length === 0) throw new DomainError("not_found", "Token not found.");
}
