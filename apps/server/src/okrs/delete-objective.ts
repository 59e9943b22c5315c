import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { objectives } from "../db/schema/index.ts";
import { accessObjective, requireEditObjective } from "./okr-access.ts";

/** Deletes an objective with its key results and check-ins; objectives aligned to it become top-level. */
export async function deleteObjective(db: Db, input: { id: string; userId: string }): Promise<void> {
  const { objective, viewer } = await accessObjective(db, input.id, input.userId);
  requireEditObjective(viewer, objective);
  await db.delete(objectives).where(eq(objectives.id, objective.id));
}
