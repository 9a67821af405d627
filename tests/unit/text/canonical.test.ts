import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalize, type CanonicalReport } from "@/lib/core/text/canonical";

const NONE: CanonicalReport = { newlinesNormalized: 0, controlsRemoved: 0, normalizationChanged: false, bomRemoved: 0, edgeCharsTrimmed: 0 };

describe("canonicalize rules", () => {
  it.each<[string, string, string, Partial<CanonicalReport>]>([
    ["CRLF -> LF", "a\r\nb\r\nc", "a\nb\nc", { newlinesNormalized: 2 }],
    ["lone CR -> LF", "a\rb", "a\nb", { newlinesNormalized: 1 }],
    ["CR CR LF -> two LF", "a\r\r\nb", "a\n\nb", { newlinesNormalized: 2 }],
    ["U+2028 -> LF", "a\u2028b", "a\nb", { newlinesNormalized: 1 }],
    ["U+2029 -> LF", "a\u2029b", "a\nb", { newlinesNormalized: 1 }],
    ["NUL removed", "a\u0000b", "ab", { controlsRemoved: 1 }],
    ["C0 controls removed (BEL, VT, FF, ESC)", "a\u0007b\u000bc\u000cd\u001be", "abcde", { controlsRemoved: 4 }],
    ["DEL removed", "a\u007fb", "ab", { controlsRemoved: 1 }],
    ["C1 controls removed", "a\u0080b\u009fc\u0085d", "abcd", { controlsRemoved: 3 }],
    ["leading BOM removed", "\uFEFFhello", "hello", { bomRemoved: 1 }],
    ["U+FEFF inside removed", "hel\uFEFFlo", "hello", { bomRemoved: 1 }],
    ["NFC: e + combining acute -> é", "caf\u0065\u0301", "caf\u00e9", { normalizationChanged: true }],
    ["NFC after control removal joins base and mark", "e\u0000\u0301", "\u00e9", { controlsRemoved: 1, normalizationChanged: true }],
    ["tab kept", "a\tb", "a\tb", {}],
    ["NBSP kept", "a\u00a0b", "a\u00a0b", {}],
    ["inner blank lines and spaces kept", "a  b\n\n\nc", "a  b\n\n\nc", {}],
    ["U+FFFD kept", "a\uFFFDb", "a\uFFFDb", {}],
    ["leading blank lines removed, indentation of first line kept", "\n  \n\t\n  Title\nbody", "  Title\nbody", { edgeCharsTrimmed: 6 }],
    ["trailing whitespace and newlines removed", "body  \n\n \t\n", "body", { edgeCharsTrimmed: 7 }],
    ["whitespace-only text becomes empty", " \n\t\u00a0\n", "", { edgeCharsTrimmed: 5 }],
    ["CRLF at the end is trimmed after counting", "a\r\n", "a", { newlinesNormalized: 1, edgeCharsTrimmed: 1 }],
  ])("%s", (_name, input, expected, report) => {
    const r = canonicalize(input);
    expect(r.text).toBe(expected);
    expect(r.report).toEqual({ ...NONE, ...report });
  });

  it("already canonical text is returned unchanged with an empty report", () => {
    const text = "Title\n\nParagraph one,\twith a tab and a\u00a0non-breaking space. “Quotes” — and café.";
    expect(canonicalize(text)).toEqual({ text, report: NONE });
  });
});

describe("canonicalize properties", () => {
  // Strings biased towards the characters the policy touches.
  const special = fc.constantFrom(
    "\r", "\n", "\r\n", "\u2028", "\u2029", "\u0000", "\u0007", "\u007f", "\u0085", "\u009f", "\uFEFF",
    "\t", "\u00a0", " ", "e", "\u0301", "\u0327", "A", "\u212b", "한", "\u1100\u1161", "😀", "\uFFFD",
  );
  const text = fc.array(fc.oneof(special, fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 30 }).map((a) => a.join(""));

  it("is idempotent", () => {
    fc.assert(
      fc.property(text, (x) => {
        const once = canonicalize(x).text;
        expect(canonicalize(once).text).toBe(once);
        expect(canonicalize(once).report).toEqual(NONE);
      }),
      { numRuns: 2000 },
    );
  });

  it("never contains CR, NUL, U+FEFF, line/paragraph separators or C1 controls, and is NFC", () => {
    fc.assert(
      fc.property(text, (x) => {
        const out = canonicalize(x).text;
        expect(out).not.toMatch(/[\r\u0000\uFEFF\u2028\u2029\u0080-\u009f]/);
        expect(out.normalize("NFC")).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });
});
