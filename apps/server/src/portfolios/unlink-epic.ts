import { DomainError } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { initiativeEpics } from "../db/schema/index.ts";
import { accessInitiative } from "./access-initiative.ts";

/** Detaches epic `key` from an initiative (Portfolio Managers and Contributors of the same company). */
export async function unlinkEpic(
  db: Db,
  input: { initiativeId: string; userId: string; key: string },
): Promise<void> {
  await accessInitiative(db, { id: input.initiativeId, userId: input.userId, action: "jira.epics.link" });
  const removed = await db
    .delete(initiativeEpics)
    .where(
      and(
        eq(initiativeEpics.initiativeId, input.initiativeId),
        eq(initiativeEpics.epicKey, input.key.toUpperCase()),
      ),
    )
    .returning({ key: initiativeEpics.epicKey });
  if (removed.length === 0)
    throw new DomainError("not_found", `${input.key.toUpperCase()} is not linked to this initiative.`);
}
