import type { CommentRow } from "./comments.repo.ts";

/** A comment as the API shows it. */
export interface CommentView {
  id: string;
  keyResultId: string;
  /** The check-in it is about; null for a note on the key result itself. */
  checkInId: string | null;
  author: { id: string; name: string } | null;
  body: string;
  createdAt: Date;
}

/** Presents a stored comment. */
export function commentView(row: CommentRow): CommentView {
  return {
    id: row.id,
    keyResultId: row.keyResultId,
    checkInId: row.checkInId,
    author: row.authorId ? { id: row.authorId, name: row.authorName ?? "Former member" } : null,
    body: row.body,
    createdAt: row.createdAt,
  };
}
