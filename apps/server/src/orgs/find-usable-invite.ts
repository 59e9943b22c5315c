import { DomainError } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import { hashToken } from "../auth/opaque-token.ts";
import type { Db, Tx } from "../db/database.ts";
import { invites, organizations } from "../db/schema/index.ts";

/**
 * The invite behind `token` with its organisation's name.
 * @throws DomainError invite_not_found (unknown, revoked or already used) or invite_expired.
 */
export async function findUsableInvite(db: Db | Tx, token: string, now: Date) {
  const [row] = await db
    .select({ invite: invites, orgName: organizations.name })
    .from(invites)
    .innerJoin(organizations, eq(organizations.id, invites.orgId))
    .where(eq(invites.tokenHash, hashToken(token)));
  if (!row || row.invite.acceptedAt) {
    throw new DomainError(
      "invite_not_found",
      "This invite link is not valid: it may have been revoked or already used.",
    );
  }
  if (row.invite.expiresAt <= now) {
    throw new DomainError("invite_expired", "This invite link has expired: ask an admin for a new one.");
  }
  return row;
}
