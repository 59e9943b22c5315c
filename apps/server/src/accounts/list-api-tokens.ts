import type { Db } from "../db/database.ts";
import { decodeCursor, toPage } from "../paging/cursor.ts";
import { selectUserTokens } from "./api-token.repo.ts";

/** The caller's personal API tokens (never the tokens themselves), newest first. */
export async function listApiTokens(
  db: Db,
  input: { userId: string; limit: number; cursor?: string | undefined },
) {
  const before = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await selectUserTokens(db, input.userId, input.limit, before);
  return toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
}
