import { DomainError } from "@goalpost/domain";
import { count, eq } from "drizzle-orm";
import type { Auth } from "../auth/create-auth.ts";
import type { Db } from "../db/database.ts";
import { users } from "../db/schema/index.ts";
import { acceptInvite, findInviteFor } from "../orgs/accept-invite.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { createPasswordUser } from "./create-password-user.ts";

export type SignUpInput = { name: string; email: string; password: string } & (
  | { orgName: string; inviteToken?: undefined }
  | { inviteToken: string; orgName?: undefined }
);

/**
 * Signs a person up: with an organisation name they create that organisation and become its admin (the
 * very first sign-up always may; later ones only while `allowSignup`); with an invite token they join
 * the inviting organisation. Returns the user, their organisation and the session headers.
 */
export async function signUp(
  deps: { db: Db; auth: Auth; allowSignup: boolean; now(): Date },
  input: SignUpInput,
) {
  if (input.inviteToken !== undefined) {
    await findInviteFor(deps.db, { token: input.inviteToken, email: input.email, now: deps.now() });
  } else if (!deps.allowSignup) {
    const [row] = await deps.db.select({ users: count() }).from(users);
    if ((row?.users ?? 0) > 0) {
      throw new DomainError(
        "forbidden",
        "Sign-up is by invitation only on this Goalpost: ask an admin for an invite link.",
      );
    }
  }
  const { user, headers } = await createPasswordUser(deps, input);
  try {
    const orgId = await deps.db.transaction(async (tx) => {
      if (input.inviteToken !== undefined) {
        const accepted = await acceptInvite(tx, {
          token: input.inviteToken,
          userId: user.id,
          email: input.email,
          now: deps.now(),
        });
        return accepted.orgId;
      }
      return (await createOrganization(tx, { name: input.orgName, userId: user.id })).id;
    });
    return { user, orgId, headers };
  } catch (error) {
    // The account was made for this organisation: when joining fails (the invite was used meanwhile by a
    // concurrent sign-up), no account without an organisation is left behind (sessions cascade).
    await deps.db.delete(users).where(eq(users.id, user.id));
    throw error;
  }
}
