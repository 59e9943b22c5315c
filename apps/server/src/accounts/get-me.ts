import type { Db } from "../db/database.ts";
import { listUserOrgs } from "../orgs/membership.repo.ts";

/** The signed-in user with the organisations they belong to and their role in each. */
export async function getMe(db: Db, user: { id: string; name: string; email: string }) {
  const orgs = await listUserOrgs(db, user.id);
  return { user: { id: user.id, name: user.name, email: user.email }, orgs };
}
