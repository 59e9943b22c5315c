import { DomainError } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { invites } from "../db/schema/index.ts";
import { requireOrgRole } from "./require-org-role.ts";

/** Deletes an invite so its link stops working (admin only). */
export async function revokeInvite(
  db: Db,
  input: { orgId: string; actorId: string; inviteId: string },
): Promise<void> {
  await requireOrgRole(db, input.orgId, input.actorId, "invites.manage");
  const deleted = await db
    .delete(invites)
    .where(and(eq(invites.orgId, input.orgId), eq(invites.id, input.inviteId)))
    .returning({ id: invites.id });
  if (deleted.length === 0) throw new DomainError("not_found", "Invite not found.");
}
