import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { jiraConnections } from "../db/schema/index.ts";
import { accessConnection } from "./access-connection.ts";

/** Deletes a connection (its creator or an admin); allowed even while the integration is off. */
export async function deleteConnection(db: Db, input: { id: string; userId: string }): Promise<void> {
  await accessConnection(db, { ...input, purpose: "manage" });
  await db.delete(jiraConnections).where(eq(jiraConnections.id, input.id));
}
