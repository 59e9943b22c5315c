import { randomUUID } from "node:crypto";
import type { OrgRole } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import { generateOpaqueToken, hashToken } from "../auth/opaque-token.ts";
import type { Db } from "../db/database.ts";
import { invites, organizations, users } from "../db/schema/index.ts";
import type { Logger } from "../logging/logger.ts";
import { inviteEmail } from "../mail/invite-email.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { type InviteView, inviteUrl } from "./invite-view.ts";
import { requireOrgRole } from "./require-org-role.ts";

/** Invite links are valid for a week. */
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * Creates an invite link to `orgId` with `role` (admin only). The token is returned once, in the link. With an
 * e-mail address and a mailer (`SMTP_URL` configured), the link is also sent there: `emailed` says whether it
 * went; a failed send keeps the invite (the link can still be shared by hand) and is logged.
 */
export async function createInvite(
  deps: { db: Db; box: SecretBox; publicUrl: string; now(): Date; mailer?: Mailer | null; logger?: Logger },
  input: { orgId: string; actorId: string; role: OrgRole; email?: string | undefined },
): Promise<InviteView & { token: string; emailed: boolean }> {
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
  const url = inviteUrl(deps.publicUrl, token);
  let emailed = false;
  if (email && deps.mailer) {
    try {
      const [org] = await deps.db
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, input.orgId));
      const [inviter] = await deps.db
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, input.actorId));
      await deps.mailer.send(
        inviteEmail({
          to: email,
          inviterName: inviter?.name ?? "Someone",
          orgName: org?.name ?? "",
          url,
          expiresAt,
        }),
      );
      emailed = true;
    } catch (error) {
      deps.logger?.warn({ err: error, inviteId: id }, "invite e-mail not sent");
    }
  }
  return { id, role, email, expiresAt, createdAt, token, url, emailed };
}
