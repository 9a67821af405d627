import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { snapToGraphemes } from "@/lib/core/offsets";

const FAMILY = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";
const FR = "\u{1F1EB}\u{1F1F7}";
const DE = "\u{1F1E9}\u{1F1EA}";

/** [name, text, start, end, expected start, expected end] */
const CASES: [string, string, number, number, number, number][] = [
  ["inside an emoji pair", "a😀b", 2, 2, 1, 3],
  ["end inside pair only", "a😀b", 0, 2, 0, 3],
  ["aligned emoji unchanged", "a😀b", 1, 3, 1, 3],
  ["math bold pair", "𝐀𝐁", 1, 3, 0, 4],
  ["combining acute after base", "e\u0301x", 1, 1, 0, 2],
  ["range ending before the mark", "e\u0301x", 0, 1, 0, 2],
  ["two stacked marks", "e\u0301\u0302x", 2, 2, 0, 3],
  ["Arabic letter with fatha", "بَت", 1, 1, 0, 2],
  ["ZWJ family from inside", `a${FAMILY}b`, 3, 4, 1, 9],
  ["flag halves", `x${FR}${DE}y`, 3, 3, 1, 5],
  ["second flag's second half", `x${FR}${DE}y`, 5, 7, 5, 9],
  ["between two flags is a boundary", `x${FR}${DE}y`, 5, 5, 5, 5],
  ["emoji modifier (skin tone)", "👍🏽", 2, 2, 0, 4],
  ["variation selector", "\u2764\uFE0F!", 1, 1, 0, 2],
  ["reversed bounds are ordered", "abc", 3, 1, 1, 3],
  ["out of range clamps", "abc", -4, 10, 0, 3],
  ["Arabic text with LTR digits untouched", "مرحبا 123", 2, 8, 2, 8],
  ["empty text", "", 0, 0, 0, 0],
];

describe("snapToGraphemes", () => {
  it.each(CASES)("%s", (_n, text, s, e, ws, we) => {
    expect(snapToGraphemes(text, s, e)).toEqual({ start: ws, end: we });
  });

  it("never returns a bound that splits a surrogate pair", () => {
    fc.assert(
      fc.property(mixedText(), fc.nat(), fc.nat(), (text, a, b) => {
        const r = snapToGraphemes(text, a % (text.length + 1), b % (text.length + 1));
        const splits = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]);
        return !splits(r.start) && !splits(r.end) && r.start <= r.end;
      }),
    );
  });
});

function mixedText() {
  const alphabet = ["a", " ", "\n", "é", "e\u0301", "\u0301", "😀", "👍🏽", "\u{1F1EB}", "\u{1F1F7}", "\u200D", "ب", "\u064E", "1", "\u0600", "\uFE0F", "𝐀"];
  return fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((xs) => xs.join(""));
}

/** Reference: full-text segmentation with no windowing. */
function naiveSnap(text: string, start: number, end: number) {
  const seg = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let s = start;
  let e = end;
  for (const p of seg.segment(text)) {
    const a = p.index;
    const b = a + p.segment.length;
    if (a < start && start < b) s = a;
    if (a < end && end < b) e = b;
  }
  return { start: s, end: e };
}

describe("snapToGraphemes windowing", () => {
  it("matches whole-text segmentation on random mixed strings", () => {
    fc.assert(
      fc.property(mixedText(), fc.nat(), fc.nat(), (text, a, b) => {
        const s = Math.min(a, b) % (text.length + 1);
        const e = Math.max(s, Math.max(a, b) % (text.length + 1));
        expect(snapToGraphemes(text, s, e)).toEqual(naiveSnap(text, s, e));
      }),
      { numRuns: 500 },
    );
  });

  it("finds flag parity from the run start even beyond the scan window", () => {
    // 1,201 regional indicators: far more than the 1,024-unit scan, so the window must fall back.
    const ri = "\u{1F1EB}".repeat(1201);
    const text = `x${ri}y`;
    for (const i of [1 + 2 * 1000, 1 + 2 * 1001, 1 + 2 * 1199]) {
      expect(snapToGraphemes(text, i, i)).toEqual(naiveSnap(text, i, i));
    }
  });

  it("snaps across a 1 MB text exactly as within the line each bound falls in", () => {
    // Every line ends in a line feed (a boundary on both sides), so each line segments on its own.
    const line = "Lorem ipsum dolor sit amet, e\u0301 😀 مرحبا.\n";
    const text = line.repeat(25_000);
    const inLine = (i: number) => {
      const base = i - (i % line.length);
      const r = naiveSnap(line, i % line.length, i % line.length);
      return { start: base + r.start, end: base + r.end };
    };
    for (let k = 0; k < 1000; k++) {
      const [a, b] = [(k * 997) % text.length, (k * 1999) % text.length];
      const [s, e] = a <= b ? [a, b] : [b, a];
      expect(snapToGraphemes(text, a, b)).toEqual({ start: inLine(s).start, end: inLine(e).end });
    }
  });
});
