import type { Db } from "../db/database.ts";
import { type CommentView, commentView } from "./comment-view.ts";
import { listCommentsOf } from "./comments.repo.ts";
import { accessKeyResult } from "./okr-access.ts";

/** A key result's comments (its own and its check-ins'), oldest first: anyone who can see it. */
export async function listComments(
  db: Db,
  input: { keyResultId: string; userId: string },
): Promise<{ items: CommentView[] }> {
  const { keyResult } = await accessKeyResult(db, input.keyResultId, input.userId);
  return { items: (await listCommentsOf(db, keyResult.id)).map(commentView) };
}
