import type { OrgRole } from "../orgs/org-role.ts";

/** Who may use a Jira connection besides its creator (and the org's admins, who see every connection). */
export type ConnectionSharing =
  | { readonly kind: "private" }
  | { readonly kind: "org" }
  | { readonly kind: "members"; readonly userIds: readonly string[] };

/** The kinds of {@link ConnectionSharing}. */
export const CONNECTION_SHARING_KINDS = ["private", "org", "members"] as const;

/** A caller inside the connection's organisation. */
export interface ConnectionViewer {
  readonly userId: string;
  readonly role: OrgRole;
}

/** The parts of a connection its access rules read. `createdBy` is null once the creator's account is gone. */
export interface ConnectionAccessInfo {
  readonly createdBy: string | null;
  readonly sharing: ConnectionSharing;
}

/**
 * Whether `viewer` (a member of the connection's organisation) may see and use the connection: admins see
 * every connection; a member sees the ones they created and those shared with the org or with them.
 * @example canUseJiraConnection({ userId: "u2", role: "member" }, { createdBy: "u1", sharing: { kind: "private" } }) // false
 */
export function canUseJiraConnection(viewer: ConnectionViewer, connection: ConnectionAccessInfo): boolean {
  if (viewer.role === "admin" || connection.createdBy === viewer.userId) return true;
  switch (connection.sharing.kind) {
    case "private":
      return false;
    case "org":
      return true;
    case "members":
      return connection.sharing.userIds.includes(viewer.userId);
  }
}

/**
 * Whether `viewer` may edit (rename, rotate the token, change sharing) or delete the connection: its creator
 * and the org's admins. Members it is shared with may only use it.
 * @example canManageJiraConnection({ userId: "u1", role: "member" }, { createdBy: "u1", sharing: { kind: "org" } }) // true
 */
export function canManageJiraConnection(viewer: ConnectionViewer, connection: ConnectionAccessInfo): boolean {
  return viewer.role === "admin" || connection.createdBy === viewer.userId;
}
