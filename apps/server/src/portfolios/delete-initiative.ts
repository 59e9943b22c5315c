import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { initiatives } from "../db/schema/index.ts";
import { accessInitiative } from "./access-initiative.ts";

/** Deletes an initiative and its epic links (Portfolio Managers and Contributors); Jira is untouched. */
export async function deleteInitiative(db: Db, input: { id: string; userId: string }): Promise<void> {
  await accessInitiative(db, { ...input, action: "initiatives.edit" });
  await db.delete(initiatives).where(eq(initiatives.id, input.id));
}
