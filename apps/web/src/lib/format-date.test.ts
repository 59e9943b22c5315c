import { describe, expect, it } from "vitest";
import { formatDate, formatRelative } from "./format-date";

describe("formatDate", () => {
  it("returns the fallback for missing or invalid values", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("not a date", "n/a")).toBe("n/a");
  });

  it("formats ISO timestamps", () => {
    expect(formatDate("2026-03-12T10:00:00Z")).toMatch(/2026/);
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-03-12T12:00:00Z");

  it("describes past and future times", () => {
    expect(formatRelative("2026-03-09T12:00:00Z", now)).toBe("3 days ago");
    expect(formatRelative("2026-03-12T14:00:00Z", now)).toBe("in 2 hours");
    expect(formatRelative("2026-03-11T12:00:00Z", now)).toBe("yesterday");
  });

  it("says just now within a minute and uses the fallback for null", () => {
    expect(formatRelative("2026-03-12T11:59:30Z", now)).toBe("just now");
    expect(formatRelative(null, now)).toBe("Never");
  });
});
