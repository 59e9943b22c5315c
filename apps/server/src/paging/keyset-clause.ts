import { and, type Column, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { CursorPosition } from "./cursor.ts";

/**
 * The WHERE clause that continues a keyset page ordered by `(at, id)`: rows after `position` in ascending
 * order, or before it in descending order. No position (first page) gives no clause.
 * @example where(and(eq(t.orgId, orgId), keysetClause(t.createdAt, t.id, after, "asc")))
 */
export function keysetClause(
  atColumn: Column,
  idColumn: Column,
  position: CursorPosition | null,
  direction: "asc" | "desc",
): SQL | undefined {
  if (!position) return undefined;
  const beyond = direction === "asc" ? gt : lt;
  return or(beyond(atColumn, position.at), and(eq(atColumn, position.at), beyond(idColumn, position.id)));
}
