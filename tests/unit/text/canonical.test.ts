import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalize, type CanonicalChange, type CanonicalChangeKind } from "@/lib/core/text/canonical";
import { canonicalToSource, runsOf, sourceToCanonical, type SourceMap } from "@/lib/core/text/source-map";

const cps = (s: string) => Array.from(s);
const change = (kind: CanonicalChangeKind, firstOffsets: number[], extra: Partial<CanonicalChange> = {}): CanonicalChange => ({ kind, count: firstOffsets.length, firstOffsets, ...extra });

describe("canonicalize rules", () => {
  it.each<[string, string, string, CanonicalChange[]]>([
    ["CRLF -> LF", "a\r\nb\r\nc", "a\nb\nc", [change("crlf", [1, 4])]],
    ["lone CR -> LF", "a\rb", "a\nb", [change("cr", [1])]],
    ["CR CR LF -> two LF", "a\r\r\nb", "a\n\nb", [change("crlf", [2]), change("cr", [1])]],
    ["U+2028 -> LF", "a\u2028b", "a\nb", [change("line-separator", [1])]],
    ["U+2029 -> LF", "a\u2029b", "a\nb", [change("paragraph-separator", [1])]],
    ["NUL removed", "a\u0000b", "ab", [change("control", [1], { codes: ["U+0000"] })]],
    ["C0 controls removed (BEL, VT, FF, ESC)", "a\u0007b\u000bc\u000cd\u001be", "abcde", [change("control", [1, 3, 5, 7], { codes: ["U+0007", "U+000B", "U+000C", "U+001B"] })]],
    ["DEL removed", "a\u007fb", "ab", [change("control", [1], { codes: ["U+007F"] })]],
    ["C1 controls removed", "a\u0080b\u009fc\u0085d", "abcd", [change("control", [1, 3, 5], { codes: ["U+0080", "U+009F", "U+0085"] })]],
    ["leading BOM removed", "\uFEFFhello", "hello", [change("bom", [0])]],
    ["U+FEFF inside removed", "hel\uFEFFlo", "hello", [change("bom", [3])]],
    ["NFC: e + combining acute -> é", "caf\u0065\u0301", "caf\u00e9", [change("nfc", [3])]],
    ["NFC after control removal joins base and mark", "e\u0000\u0301", "\u00e9", [change("control", [1], { codes: ["U+0000"] }), change("nfc", [0])]],
    ["positions are code points: after an emoji", "😀\r\n😀e\u0301", "😀\n😀é", [change("crlf", [1]), change("nfc", [4])]],
    ["tab kept", "a\tb", "a\tb", []],
    ["NBSP kept", "a\u00a0b", "a\u00a0b", []],
    ["inner blank lines and spaces kept", "a  b\n\n\nc", "a  b\n\n\nc", []],
    ["U+FFFD kept", "a\uFFFDb", "a\uFFFDb", []],
    ["leading blank lines kept", "\n  \n\t\n  Title\nbody", "\n  \n\t\n  Title\nbody", []],
    ["trailing white space and newlines kept", "body  \n\n \t\n", "body  \n\n \t\n", []],
    ["whitespace-only text kept", " \n\t\u00a0\n", " \n\t\u00a0\n", []],
    ["CRLF at the end becomes LF, not removed", "a\r\n", "a\n", [change("crlf", [1])]],
  ])("%s", (_name, input, expected, changes) => {
    const r = canonicalize(input);
    expect(r.text).toBe(expected);
    expect(r.report).toEqual({ changes });
  });

  it("counts every change and lists the first ten positions", () => {
    const r = canonicalize("x\r\n".repeat(25));
    expect(r.report.changes).toEqual([{ kind: "crlf", count: 25, firstOffsets: [1, 4, 7, 10, 13, 16, 19, 22, 25, 28] }]);
    expect(r.map).toEqual({ sourceLength: 75, canonicalLength: 50, runs: Array.from({ length: 25 }, (_, k) => [1 + 3 * k, 2, 1]).flat() });
  });

  it("already canonical text is returned unchanged with an empty report and no map", () => {
    const text = "\n\nTitle\n\nParagraph one,\twith a tab and a\u00a0non-breaking space. “Quotes” — and café.\n";
    expect(canonicalize(text)).toEqual({ text, report: { changes: [] }, map: null });
  });

  it("a change of one character into one needs no map; other changes get one", () => {
    expect(canonicalize("a\rb\u2028c\u212B").map).toBeNull();
    expect(canonicalize("a\u0958b").map).toEqual({ sourceLength: 3, canonicalLength: 4, runs: [1, 1, 2] });
    expect(canonicalize("a\u{1D15E}b").map).toEqual({ sourceLength: 3, canonicalLength: 4, runs: [1, 1, 2] });
    // Hangul jamo compose across characters: the stretch is one run.
    expect(canonicalize("a\u1100\u1161b").map).toEqual({ sourceLength: 4, canonicalLength: 3, runs: [0, 3, 2] });
  });
});

/**
 * Pieces whose canonical form does not depend on their neighbours, with that form: the brute force
 * knows where each piece starts on both sides.
 */
const PIECES: [string, string][] = [
  ["a", "a"], ["Z", "Z"], [" ", " "], ["\n", "\n"], ["\t", "\t"], ["\u00a0", "\u00a0"], ["é", "é"], ["中", "中"], ["😀", "😀"], ["\uFFFD", "\uFFFD"],
  ["\r\n", "\n"], ["\rx", "\nx"], ["\u2028", "\n"], ["\u2029", "\n"],
  ["\u0000", ""], ["\u0007", ""], ["\u007f", ""], ["\u0085", ""], ["\u009f", ""], ["\uFEFF", ""],
  ["e\u0301", "\u00e9"], ["A\u030A\u0301", "\u01FA"], ["\u212B", "\u00c5"], ["\u0958", "\u0915\u093C"], ["\u{1D15E}", "\u{1D157}\u{1D165}"], ["\uF900", "\u8C48"],
];

/** Where every offset must land, from the pieces: [backward, forward] per source offset. */
function expectedOffsets(pieces: [string, string][]) {
  const out: [number, number][] = [];
  let s = 0;
  let c = 0;
  for (const [from, to] of pieces) {
    const [sl, cl] = [cps(from).length, cps(to).length];
    out[s] = [c, c];
    // Inside a piece: "\rx" is two one-character changes and maps one to one; the others snap.
    for (let k = 1; k < sl; k++) out[s + k] = sl === cl ? [c + k, c + k] : [c, c + cl];
    s += sl;
    c += cl;
  }
  out[s] = [c, c];
  return out;
}

describe("canonicalize: the offset map against brute force", () => {
  const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 });

  it("maps every source offset to where the pieces put it", () => {
    fc.assert(
      fc.property(pieces, (ps) => {
        const input = ps.map((p) => p[0]).join("");
        const r = canonicalize(input);
        expect(r.text).toBe(ps.map((p) => p[1]).join(""));
        const expected = expectedOffsets(ps);
        expected.forEach(([back, fwd], o) => {
          expect(sourceToCanonical(r.map, o, "backward")).toBe(back);
          expect(sourceToCanonical(r.map, o, "forward")).toBe(fwd);
        });
      }),
      { numRuns: 3000 },
    );
  });

  // Any text at all: the map is an alignment, so a stretch between two offsets that are not inside a
  // run canonicalizes to exactly the stretch between their images.
  const special = fc.constantFrom(
    "\r", "\n", "\r\n", "\u2028", "\u2029", "\u0000", "\u0007", "\u007f", "\u0085", "\u009f", "\uFEFF",
    "\t", "\u00a0", " ", "e", "\u0301", "\u0327", "A", "\u212b", "한", "\u1100\u1161", "\u11A8", "😀", "\u{1D15E}", "\u0958", "\uFFFD",
  );
  const text = fc.array(fc.oneof(special, fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 30 }).map((a) => a.join(""));

  const boundaries = (map: SourceMap | null, length: number) =>
    Array.from({ length: length + 1 }, (_, o) => o).filter((o) => !runsOf(map).some((r) => r.sourceStart < o && o < r.sourceStart + r.sourceLength));

  it("is an alignment for any text", () => {
    fc.assert(
      fc.property(text, (x) => {
        const r = canonicalize(x);
        const src = cps(x);
        const out = cps(r.text);
        expect(r.map?.sourceLength ?? src.length).toBe(src.length);
        expect(r.map?.canonicalLength ?? out.length).toBe(out.length);
        const bs = boundaries(r.map, src.length);
        for (let i = 0; i < bs.length; i++) {
          for (let j = i; j < bs.length; j++) {
            const [s, e] = [bs[i]!, bs[j]!];
            const piece = canonicalize(src.slice(s, e).join("")).text;
            expect(out.slice(sourceToCanonical(r.map, s), sourceToCanonical(r.map, e)).join("")).toBe(piece);
          }
          expect(canonicalToSource(r.map, sourceToCanonical(r.map, bs[i]!), "backward")).toBeLessThanOrEqual(bs[i]!);
          expect(canonicalToSource(r.map, sourceToCanonical(r.map, bs[i]!), "forward")).toBeGreaterThanOrEqual(bs[i]!);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(text, (x) => {
        const once = canonicalize(x).text;
        expect(canonicalize(once)).toEqual({ text: once, report: { changes: [] }, map: null });
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
