import { describe, expect, it } from "vitest";
import { appendLines, describeCodes, nonBlankLines, parseCodes } from "./codes";

describe("parseCodes (same reading as crates/markets/src/codes.rs)", () => {
  it("trims, skips blank lines, drops and counts repeats", () => {
    const l = parseCodes("AAAA-1\n  BBBB-2  \n\nAAAA-1\r\nCCCC-3\nAAAA-1\nBBBB-2\n");
    expect(l.codes).toEqual(["AAAA-1", "BBBB-2", "CCCC-3"]);
    expect(l.duplicates).toEqual([
      ["AAAA-1", 3],
      ["BBBB-2", 2],
    ]);
    expect(l.dropped).toBe(3);
    expect(l.blankLines).toBe(1);
    expect(l.lines).toBe(7);
    expect(describeCodes(l)).toBe("7 lines → 3 codes, 3 duplicates removed, 1 blank line skipped");
  });
  it("reads the first CSV column and skips a header", () => {
    const l = parseCodes('\ufeffcode,game\n"X-1",foo\nX-2;bar\nX-3\tbaz\n');
    expect(l.headerSkipped).toBe(true);
    expect(l.codes).toEqual(["X-1", "X-2", "X-3"]);
    expect(describeCodes(l)).toBe("4 lines → 3 codes, 0 duplicates removed, header skipped");
  });
  it("counts 1,000 lines with grouping", () => {
    const text = Array.from({ length: 1000 }, (_, i) => `C-${i % 998}`).join("\n");
    expect(describeCodes(parseCodes(text))).toBe("1,000 lines → 998 codes, 2 duplicates removed");
  });
  it("empty text", () => {
    expect(parseCodes("").lines).toBe(0);
    expect(describeCodes(parseCodes(""))).toBe("0 lines → 0 codes, 0 duplicates removed");
  });
  it("items lines keep repeats", () => {
    expect(nonBlankLines("a\n\n a \nb\r\n")).toEqual(["a", "a", "b"]);
  });
});

describe("appendLines", () => {
  it("joins a file's lines to what was typed, with one newline between", () => {
    expect(appendLines("", ["A", "B"])).toBe("A\nB");
    expect(appendLines("  \n", ["A"])).toBe("  \nA");
    expect(appendLines("X", ["A", "B"])).toBe("X\nA\nB");
    expect(appendLines("X\n", ["A"])).toBe("X\nA");
  });
});
