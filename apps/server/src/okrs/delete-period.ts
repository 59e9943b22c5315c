import { DomainError } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { periods } from "../db/schema/index.ts";
import { accessPeriod } from "./okr-access.ts";

/** Deletes a period with its objectives, key results and check-ins (admins only). */
export async function deletePeriod(db: Db, input: { id: string; userId: string }): Promise<void> {
  const { period, viewer } = await accessPeriod(db, input.id, input.userId);
  if (viewer.role !== "admin")
    throw new DomainError("forbidden", "Only an organisation admin can delete a period.");
  await db.delete(periods).where(eq(periods.id, period.id));
}
