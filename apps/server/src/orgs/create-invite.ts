import { randomUUID } from "node:crypto";
import type { OrgRole } from "@goalpost/domain";
import { generateOpaqueToken, hashToken } from "../auth/opaque-token.ts";
import type { Db } from "../db/database.ts";
import { invites } from "../db/schema/index.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { type InviteView, inviteUrl } from "./invite-view.ts";
import { requireOrgRole } from "./require-org-role.ts";

/** Invite links are valid for a week. */
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

/** Creates an invite link to `orgId` with `role` (admin only). The token is returned once, in the link. */
export async function createInvite(
  deps: { db: Db; box: SecretBox; publicUrl: string; now(): Date },
  input: { orgId: string; actorId: string; role: OrgRole; email?: string | undefined },
): Promise<InviteView & { token: string }> {
  await requireOrgRole(deps.db, input.orgId, input.actorId, "invites.manage");
  const token = generateOpaqueToken("gpi_");
  const [row] = await deps.db
    .insert(invites)
    .values({
      id: randomUUID(),
      orgId: input.orgId,
      tokenHash: hashToken(token),
      tokenSealed: deps.box.seal(token),
      role: input.role,
      email: input.email?.toLowerCase() ?? null,
      createdBy: input.actorId,
      expiresAt: new Date(deps.now().getTime() + INVITE_TTL_MS),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const { id, role, email, expiresAt, createdAt } = row;
  return { id, role, email, expiresAt, createdAt, token, url: inviteUrl(deps.publicUrl, token) };
}
