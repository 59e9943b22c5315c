import { randomUUID } from "node:crypto";
import { DomainError } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { checkIns, okrComments } from "../db/schema/index.ts";
import { type CommentView, commentView } from "./comment-view.ts";
import { findUserNames } from "./okr.repo.ts";
import { accessKeyResult, requireEditKeyResult } from "./okr-access.ts";

/**
 * Adds a status note to a key result — Jira-driven ones too — or to one of its check-ins (`checkInId`):
 * anyone who may edit the key result. Shown in its history.
 */
export async function addComment(
  db: Db,
  input: { keyResultId: string; userId: string; body: string; checkInId?: string | undefined; now: Date },
): Promise<CommentView> {
  const { keyResult, objective, viewer } = await accessKeyResult(db, input.keyResultId, input.userId);
  requireEditKeyResult(viewer, keyResult, objective);
  if (input.checkInId !== undefined) {
    const [checkIn] = await db
      .select({ id: checkIns.id })
      .from(checkIns)
      .where(and(eq(checkIns.id, input.checkInId), eq(checkIns.keyResultId, keyResult.id)));
    if (!checkIn) {
      throw new DomainError("validation_failed", "No such check-in of this key result.", {
        fields: { checkInId: "no such check-in of this key result" },
      });
    }
  }
  const row = {
    id: randomUUID(),
    orgId: keyResult.orgId,
    keyResultId: keyResult.id,
    checkInId: input.checkInId ?? null,
    authorId: input.userId,
    body: input.body,
    createdAt: input.now,
  };
  await db.insert(okrComments).values(row);
  const names = await findUserNames(db, [input.userId]);
  return commentView({ ...row, authorName: names.get(input.userId) ?? null });
}
