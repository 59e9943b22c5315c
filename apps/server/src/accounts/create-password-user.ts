import { DomainError } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import type { Auth } from "../auth/create-auth.ts";
import type { Db } from "../db/database.ts";
import { users } from "../db/schema/index.ts";

/**
 * Creates an email + password user through better-auth (which hashes the password) and returns the user
 * with the headers of the session it opened (`set-cookie`).
 * @throws DomainError email_taken when the address is in use.
 */
export async function createPasswordUser(
  deps: { db: Db; auth: Auth },
  input: { name: string; email: string; password: string },
) {
  const email = input.email.trim().toLowerCase();
  const [existing] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing)
    throw new DomainError("email_taken", "An account with this email already exists: sign in instead.");
  const { headers, response } = await deps.auth.api.signUpEmail({
    body: { name: input.name.trim(), email, password: input.password },
    returnHeaders: true,
  });
  return { user: { id: response.user.id, name: response.user.name, email: response.user.email }, headers };
}
