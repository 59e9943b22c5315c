import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { okrComments, users } from "../db/schema/index.ts";

/** A comment as stored, with its author's name. */
export type CommentRow = typeof okrComments.$inferSelect & { authorName: string | null };

/** A key result's comments (its own and its check-ins'), oldest first. */
export async function listCommentsOf(db: Db | Tx, keyResultId: string): Promise<CommentRow[]> {
  const rows = await db
    .select({ comment: okrComments, authorName: users.name })
    .from(okrComments)
    .leftJoin(users, eq(users.id, okrComments.authorId))
    .where(eq(okrComments.keyResultId, keyResultId))
    .orderBy(asc(okrComments.createdAt), asc(okrComments.id));
  return rows.map((row) => ({ ...row.comment, authorName: row.authorName }));
}
