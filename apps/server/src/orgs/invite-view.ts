import type { OrgRole } from "@goalpost/domain";
import type { invites } from "../db/schema/index.ts";
import type { SecretBox } from "../secrets/secret-box.ts";

export interface InviteView {
  id: string;
  role: OrgRole;
  email: string | null;
  url: string;
  expiresAt: Date;
  createdAt: Date;
}

/** How an admin sees an invite: with its link, rebuilt from the sealed token. */
export function presentInvite(
  row: typeof invites.$inferSelect,
  box: SecretBox,
  publicUrl: string,
): InviteView {
  return {
    id: row.id,
    role: row.role,
    email: row.email,
    url: inviteUrl(publicUrl, box.open(row.tokenSealed)),
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}

/** The link an invitee opens. */
export function inviteUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/invite/${encodeURIComponent(token)}`;
}
