import { describe, expect, it } from "vitest";
import {
  formatJiraDateTime,
  formatJiraDuration,
  parseJiraDateTime,
  parseJiraDuration,
} from "./jira-format.ts";

describe("jira formats", () => {
  it("formats timestamps like Jira", () => {
    expect(formatJiraDateTime(new Date("2026-09-25T22:42:39.399Z"))).toBe("2026-09-25T22:42:39.399+0000");
    expect(parseJiraDateTime("2026-04-28T15:31:13.533+0200")?.toISOString()).toBe("2026-04-28T13:31:13.533Z");
  });
  it("formats durations with 8h days and 5d weeks", () => {
    expect(formatJiraDuration(32400)).toBe("1d 1h");
    expect(formatJiraDuration(0)).toBe("0m");
    expect(formatJiraDuration(7 * 8 * 3600)).toBe("1w 2d");
    expect(parseJiraDuration("1d 1h")).toBe(32400);
    expect(parseJiraDuration("90")).toBe(5400);
    expect(parseJiraDuration("2x")).toBeUndefined();
  });
});
