import type { OrgRole } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/database.ts";
import { invites, memberships } from "../db/schema/index.ts";
import { findUsableInvite } from "./find-usable-invite.ts";

/**
 * Joins `userId` to the invite's organisation with its role and uses the invite up. Someone already a
 * member keeps their current role. Runs inside the caller's transaction.
 */
export async function acceptInvite(
  tx: Tx,
  input: { token: string; userId: string; now: Date },
): Promise<{ orgId: string; role: OrgRole }> {
  const { invite } = await findUsableInvite(tx, input.token, input.now);
  const inserted = await tx
    .insert(memberships)
    .values({ orgId: invite.orgId, userId: input.userId, role: invite.role })
    .onConflictDoNothing()
    .returning({ role: memberships.role });
  await tx
    .update(invites)
    .set({ acceptedAt: input.now, acceptedBy: input.userId })
    .where(eq(invites.id, invite.id));
  if (inserted[0]) return { orgId: invite.orgId, role: inserted[0].role };
  const [existing] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, invite.orgId), eq(memberships.userId, input.userId)));
  return { orgId: invite.orgId, role: existing?.role ?? invite.role };
}
