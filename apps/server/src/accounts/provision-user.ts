import { DomainError, type OrgRole } from "@goalpost/domain";
import { and, asc, eq } from "drizzle-orm";
import type { Auth } from "../auth/create-auth.ts";
import type { Db } from "../db/database.ts";
import { memberships, organizations, sessions, users } from "../db/schema/index.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { createPasswordUser } from "./create-password-user.ts";

export interface ProvisionResult {
  userId: string;
  orgId: string;
  role: OrgRole;
  createdUser: boolean;
  createdOrg: boolean;
}

/**
 * For operators and scripts (`npm run cli -- user create`): ensures the organisation named `orgName`
 * exists and `email` is in it. A new organisation's first user is always its admin; otherwise `admin`
 * decides the role. An existing user keeps their password and is added to the organisation.
 */
export async function provisionUser(
  deps: { db: Db; auth: Auth },
  input: { orgName: string; email: string; password: string; name?: string | undefined; admin: boolean },
): Promise<ProvisionResult> {
  const email = input.email.trim().toLowerCase();
  const [existingUser] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  let userId = existingUser?.id;
  if (!userId) {
    const created = await createPasswordUser(deps, {
      name: input.name ?? email.split("@")[0] ?? email,
      email,
      password: input.password,
    });
    userId = created.user.id;
    // The sign-up opened a session nobody will use: close it.
    await deps.db.delete(sessions).where(eq(sessions.userId, userId));
  }
  const knownUserId = userId;
  return deps.db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, input.orgName.trim()))
      .orderBy(asc(organizations.createdAt))
      .limit(1);
    if (!org) {
      const created = await createOrganization(tx, { name: input.orgName, userId: knownUserId });
      return {
        userId: knownUserId,
        orgId: created.id,
        role: "admin",
        createdUser: !existingUser,
        createdOrg: true,
      };
    }
    const role: OrgRole = input.admin ? "admin" : "member";
    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, knownUserId)));
    if (current && existingUser && current.role === role) {
      throw new DomainError("conflict", `${email} is already ${role} of ${input.orgName}.`);
    }
    await tx
      .insert(memberships)
      .values({ orgId: org.id, userId: knownUserId, role })
      .onConflictDoUpdate({ target: [memberships.orgId, memberships.userId], set: { role } });
    return { userId: knownUserId, orgId: org.id, role, createdUser: !existingUser, createdOrg: false };
  });
}
