import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { keyResults } from "../db/schema/index.ts";
import { accessKeyResult, requireEditKeyResult } from "./okr-access.ts";

/** Deletes a key result and its check-ins. */
export async function deleteKeyResult(db: Db, input: { id: string; userId: string }): Promise<void> {
  const { keyResult, objective, viewer } = await accessKeyResult(db, input.id, input.userId);
  requireEditKeyResult(viewer, keyResult, objective);
  await db.delete(keyResults).where(eq(keyResults.id, keyResult.id));
}
