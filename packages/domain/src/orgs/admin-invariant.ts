import type { OrgRole } from "./org-role.ts";

export interface MembershipChange {
  /** Roles of every current member, the target included. */
  readonly currentRoles: readonly OrgRole[];
  /** The target member's current role. */
  readonly targetRole: OrgRole;
  /** The role after the change, or `null` when the member is removed. */
  readonly nextRole: OrgRole | null;
}

/**
 * An organisation must keep at least one admin: true when the change would remove the last one.
 * @example wouldRemoveLastAdmin({ currentRoles: ["admin"], targetRole: "admin", nextRole: "member" }) // true
 */
export function wouldRemoveLastAdmin(change: MembershipChange): boolean {
  if (change.targetRole !== "admin" || change.nextRole === "admin") return false;
  const admins = change.currentRoles.filter((role) => role === "admin").length;
  return admins <= 1;
}
