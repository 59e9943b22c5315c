import { DomainError } from "@goalpost/domain";

/** A keyset position: the last row's sort time and id. */
export interface CursorPosition {
  at: Date;
  id: string;
}

/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString("base64url");
}

/**
 * Decodes a cursor made by {@link encodeCursor}.
 * @throws DomainError validation_failed naming `cursor` when it is not one.
 */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === "string" &&
      typeof parsed[1] === "string"
    ) {
      const at = new Date(parsed[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: parsed[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw new DomainError("validation_failed", "The cursor is not valid.", {
    fields: { cursor: "not a valid cursor" },
  });
}

/** A page of items and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Cuts `rows` (fetched with `limit + 1`) into a page.
 * @example toPage(rows, 20, (row) => ({ at: row.createdAt, id: row.id }))
 */
export function toPage<T>(rows: T[], limit: number, positionOf: (row: T) => CursorPosition): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}
