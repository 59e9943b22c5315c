import { isDomainError } from "@goalpost/domain";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, toPage } from "./cursor.ts";

describe("cursor", () => {
  it("round-trips a position", () => {
    const position = { at: new Date("2026-01-02T03:04:05.678Z"), id: "abc" };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    "",
    "x",
    Buffer.from("[1,2]").toString("base64url"),
    Buffer.from('["nope","a"]').toString("base64url"),
  ])("rejects %j naming the cursor field", (cursor) => {
    try {
      decodeCursor(cursor);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, "validation_failed")).toBe(true);
    }
  });

  it("pages rows fetched with limit + 1", () => {
    const rows = [1, 2, 3].map((n) => ({ id: String(n), createdAt: new Date(n * 1000) }));
    const page = toPage(rows, 2, (row) => ({ at: row.createdAt, id: row.id }));
    expect(page.items.map((row) => row.id)).toEqual(["1", "2"]);
    expect(page.nextCursor && decodeCursor(page.nextCursor).id).toBe("2");
    expect(toPage(rows, 3, (row) => ({ at: row.createdAt, id: row.id })).nextCursor).toBeNull();
  });
});
