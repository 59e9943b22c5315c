import { describe, expect, it } from "vitest";
import { type CsvCell, csvCell, toCsv } from "./csv-text.ts";

describe("csvCell", () => {
  it.each<[string, CsvCell, string]>([
    ["plain text", "Ship it", "Ship it"],
    ["empty", null, ""],
    ["number", 42.5, "42.5"],
    ["negative number stays a number", -3, "-3"],
    ["non-finite number", Number.NaN, ""],
    ["comma", "a, b", '"a, b"'],
    ["quotes doubled", 'say "hi"', '"say ""hi"""'],
    ["line break", "one\ntwo", '"one\ntwo"'],
    ["formula =", "=1+1", "'=1+1"],
    ["formula + ", "+SUM(A1)", "'+SUM(A1)"],
    ["formula -", "-2+3", "'-2+3"],
    ["formula @", "@cmd", "'@cmd"],
    ["formula tab", "\t=1", "'\t=1"],
    ["formula with comma and quote", '=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["an equals sign later is fine", "a=b", "a=b"],
  ])("%s", (_name, cell, expected) => {
    expect(csvCell(cell)).toBe(expected);
  });

  it("joins rows with CRLF", () => {
    expect(
      toCsv([
        ["a", 1],
        ["b,c", null],
      ]),
    ).toBe('a,1\r\n"b,c",\r\n');
  });
});
