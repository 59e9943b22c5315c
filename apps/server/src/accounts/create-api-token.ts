import { randomUUID } from "node:crypto";
import { DomainError } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import { generateOpaqueToken, hashToken } from "../auth/opaque-token.ts";
import type { Db } from "../db/database.ts";
import { apiTokens, users } from "../db/schema/index.ts";

/** Personal API tokens start with this, so leaked ones are recognisable (and secret scanners can match them). */
export const API_TOKEN_PREFIX = "gp_";

/** Creates a personal API token for `userId`. The token is returned once; only its hash is kept. */
export async function createApiToken(db: Db, input: { userId: string; name: string }) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
  if (!user) throw new DomainError("not_found", "User not found.");
  const token = generateOpaqueToken(API_TOKEN_PREFIX);
  const [row] = await db
    .insert(apiTokens)
    .values({ id: randomUUID(), userId: input.userId, name: input.name.trim(), tokenHash: hashToken(token) })
    .returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt });
  if (!row) throw new Error("insert returned no row");
  return { ...row, token };
}
