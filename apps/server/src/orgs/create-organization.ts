import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../db/database.ts";
import { memberships, organizations } from "../db/schema/index.ts";

/** Creates an organisation with `userId` as its first admin. */
export async function createOrganization(db: Db | Tx, input: { name: string; userId: string }) {
  const id = randomUUID();
  await db.insert(organizations).values({ id, name: input.name.trim() });
  await db.insert(memberships).values({ orgId: id, userId: input.userId, role: "admin" });
  return { id, name: input.name.trim(), role: "admin" as const };
}
