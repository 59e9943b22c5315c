import type { OrgRole } from "../orgs/org-role.ts";

/** A caller inside the OKR's organisation. */
export interface OkrViewer {
  readonly userId: string;
  readonly role: OrgRole;
}

/** Who an objective or key result belongs to. Either is null once that account is gone. */
export interface OkrOwnership {
  readonly ownerId: string | null;
  readonly createdBy: string | null;
}

/**
 * Whether `viewer` may edit, delete and check in on an OKR: admins edit everything; a member edits the OKRs
 * they own or created. For a key result, pass its objective as `parent`: its owner and creator may edit it too.
 * @example canEditOkr({ userId: "u1", role: "member" }, { ownerId: "u2", createdBy: "u1" }) // true
 */
export function canEditOkr(viewer: OkrViewer, item: OkrOwnership, parent?: OkrOwnership): boolean {
  if (viewer.role === "admin") return true;
  const owns = (ownership: OkrOwnership) =>
    ownership.ownerId === viewer.userId || ownership.createdBy === viewer.userId;
  return owns(item) || (parent !== undefined && owns(parent));
}
