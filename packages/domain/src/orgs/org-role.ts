/** Roles a user can hold in an organisation. */
export const ORG_ROLES = ["admin", "member"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** What an organisation member may do at org level. Pure: decided from the role alone. */
export type OrgAction =
  | "org.read"
  | "members.read"
  | "members.manage"
  | "invites.manage"
  | "integrations.manage";

const ADMIN_ONLY: ReadonlySet<OrgAction> = new Set([
  "members.manage",
  "invites.manage",
  "integrations.manage",
]);

/**
 * Whether a member with `role` may perform `action` in their organisation.
 * @example canPerformOrgAction("member", "members.manage") // false
 */
export function canPerformOrgAction(role: OrgRole, action: OrgAction): boolean {
  return role === "admin" || !ADMIN_ONLY.has(action);
}
