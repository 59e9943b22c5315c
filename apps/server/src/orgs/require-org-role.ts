import { canPerformOrgAction, DomainError, type OrgAction, type OrgRole } from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import { findRole } from "./membership.repo.ts";

/**
 * Authorises `userId` for `action` in `orgId` and returns their role. Non-members get `not_found`
 * (another organisation's objects are indistinguishable from missing ones); members lacking the right
 * get `forbidden`.
 */
export async function requireOrgRole(
  db: Db | Tx,
  orgId: string,
  userId: string,
  action: OrgAction,
): Promise<OrgRole> {
  const role = await findRole(db, orgId, userId);
  if (!role) throw new DomainError("not_found", "Organisation not found.");
  if (!canPerformOrgAction(role, action)) {
    throw new DomainError("forbidden", "Only an organisation admin can do this.");
  }
  return role;
}
