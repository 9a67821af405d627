import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { csvCell, csvRow, csvTable } from "@/lib/core/csv";
import { readCsv } from "../../support/csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["", ""],
    [" spaced ", " spaced "],
  ])("writes %j as %j", (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", "\"'\rx\""],
    ["=1,2", "\"'=1,2\""],
  ])("neutralizes the formula-like %j", (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it("leaves a formula character inside a cell alone", () => {
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers as numbers, negative ones too, and blanks for no value", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(0.5)).toBe("0.5");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(Infinity)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
  });
});

describe("csvRow and csvTable", () => {
  it("joins cells with commas and ends rows with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
    expect(csvTable(["x", "y"], [["1", 2], ["=3", null]])).toBe("x,y\r\n1,2\r\n'=3,\r\n");
    expect(csvTable(["x"], [])).toBe("x\r\n");
  });

  it("round-trips any text through a standard CSV parser in strict mode (after the neutralizing quote)", () => {
    // Any code point, and strings built from the characters that need care (quotes, separators, line
    // breaks, formula starts, combining marks, Arabic, emoji).
    const tricky = fc.string({ unit: fc.constantFrom('"', ",", "\r", "\n", "=", "+", "-", "@", "\t", " ", "a", "é", "\u0301", "ع", "🙂", "\u200d") });
    const cell = fc.oneof(fc.string({ unit: "binary" }), tricky);
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (cells) => {
      const row = csvRow(cells);
      expect(row.endsWith("\r\n")).toBe(true);
      const [back, ...more] = readCsv(row);
      expect(more).toEqual([]);
      expect(back).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
    }));
  });
});
