import type { Db } from "../db/database.ts";
import { findUsableInvite } from "./find-usable-invite.ts";

/** What an invitee sees before accepting: the organisation and role (no authentication needed). */
export async function getInvite(deps: { db: Db; now(): Date }, token: string) {
  const { invite, orgName } = await findUsableInvite(deps.db, token, deps.now());
  return { orgName, role: invite.role, expiresAt: invite.expiresAt };
}
