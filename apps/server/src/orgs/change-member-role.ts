import { DomainError, type OrgRole, wouldRemoveLastAdmin } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { memberships } from "../db/schema/index.ts";
import { findMember, lockOrgRoles, type MemberRow } from "./membership.repo.ts";
import { requireOrgRole } from "./require-org-role.ts";

/**
 * Sets a member's role (admin only), or removes the member when `role` is null. Refuses to leave the
 * organisation without an admin; concurrent changes are serialised by locking the org's memberships.
 */
export async function changeMemberRole(
  db: Db,
  input: { orgId: string; actorId: string; userId: string; role: OrgRole | null },
): Promise<MemberRow | null> {
  return db.transaction(async (tx) => {
    await requireOrgRole(tx, input.orgId, input.actorId, "members.manage");
    const roles = await lockOrgRoles(tx, input.orgId);
    const target = roles.find((row) => row.userId === input.userId);
    if (!target) throw new DomainError("not_found", "Member not found.");
    const change = {
      currentRoles: roles.map((row) => row.role),
      targetRole: target.role,
      nextRole: input.role,
    };
    if (wouldRemoveLastAdmin(change)) {
      throw new DomainError(
        "last_admin",
        "An organisation needs at least one admin: make someone else admin first.",
      );
    }
    const where = and(eq(memberships.orgId, input.orgId), eq(memberships.userId, input.userId));
    if (input.role === null) {
      await tx.delete(memberships).where(where);
      return null;
    }
    await tx.update(memberships).set({ role: input.role }).where(where);
    return findMember(tx, input.orgId, input.userId);
  });
}
