import { DomainError, type OrgRole } from "@goalpost/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { invites, memberships } from "../db/schema/index.ts";
import { findUsableInvite } from "./find-usable-invite.ts";

/**
 * Refuses an invite made for another e-mail address (an invite "for" bea@… is only accepted by bea@…).
 * @throws DomainError forbidden
 */
export function assertInviteIsFor(invite: { email: string | null }, email: string): void {
  if (invite.email !== null && invite.email.toLowerCase() !== email.toLowerCase()) {
    throw new DomainError(
      "forbidden",
      "This invite was made for another e-mail address: sign in with that address, or ask an admin for a new invite.",
    );
  }
}

/** The invite behind `token`, checked usable and meant for `email`. */
export async function findInviteFor(db: Db | Tx, input: { token: string; email: string; now: Date }) {
  const found = await findUsableInvite(db, input.token, input.now);
  assertInviteIsFor(found.invite, input.email);
  return found;
}

/**
 * Joins the user to the invite's organisation with its role and uses the invite up. Someone already a
 * member keeps their current role. Runs inside the caller's transaction. The invite is claimed with one
 * conditional UPDATE (`accepted_at IS NULL`), so of concurrent acceptances exactly one wins; the others get
 * invite_not_found and their transaction rolls back.
 */
export async function acceptInvite(
  tx: Tx,
  input: { token: string; userId: string; email: string; now: Date },
): Promise<{ orgId: string; role: OrgRole }> {
  const { invite } = await findInviteFor(tx, input);
  const claimed = await tx
    .update(invites)
    .set({ acceptedAt: input.now, acceptedBy: input.userId })
    .where(and(eq(invites.id, invite.id), isNull(invites.acceptedAt)))
    .returning({ id: invites.id });
  if (claimed.length === 0) {
    throw new DomainError(
      "invite_not_found",
      "This invite link is not valid: it may have been revoked or already used.",
    );
  }
  const inserted = await tx
    .insert(memberships)
    .values({ orgId: invite.orgId, userId: input.userId, role: invite.role })
    .onConflictDoNothing()
    .returning({ role: memberships.role });
  if (inserted[0]) return { orgId: invite.orgId, role: inserted[0].role };
  const [existing] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, invite.orgId), eq(memberships.userId, input.userId)));
  return { orgId: invite.orgId, role: existing?.role ?? invite.role };
}
