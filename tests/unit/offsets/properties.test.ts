import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildTextModel,
  CodePointIndex,
  IntervalIndex,
  makeSelector,
  PositionMap,
  selectionToOffsets,
  sliceCp,
  snapToGraphemes,
  splitParagraphs,
} from "@/lib/core/offsets";
import { bruteUtf16Positions } from "./helpers";

const ALPHABET = ["a", "Z", " ", "7", ".", "é", "e\u0301", "😀", "𝐀", "م", "ر", "ح", "\n", "\n\n"];
const mixedText = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 80 }).map((xs) => xs.join(""));
const RUNS = { numRuns: 400 };

describe("offset properties on mixed text", () => {
  it("fromUtf16(toUtf16(cp)) === cp for every code point offset", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const idx = new CodePointIndex(text);
        const brute = bruteUtf16Positions(text);
        for (let cp = 0; cp <= idx.length; cp++) {
          expect(idx.toUtf16(cp)).toBe(brute[cp]);
          expect(idx.fromUtf16(idx.toUtf16(cp))).toBe(cp);
        }
      }),
      RUNS,
    );
  });

  it("makeSelector(...).exact === sliceCp(text, start, end), context bounded", () => {
    fc.assert(
      fc.property(mixedText, fc.integer({ min: -5, max: 90 }), fc.integer({ min: -5, max: 90 }), fc.nat(40), (text, a, b, ctx) => {
        const idx = new CodePointIndex(text);
        const sel = makeSelector(text, idx, a, b, ctx);
        expect(sel.exact).toBe(sliceCp(text, sel.start, sel.end));
        expect(sel.exact).toBe(sliceCp(text, a, b));
        expect([...sel.prefix].length).toBeLessThanOrEqual(ctx);
        expect([...sel.suffix].length).toBeLessThanOrEqual(ctx);
        expect(sliceCp(text, sel.start - [...sel.prefix].length, sel.start)).toBe(sel.prefix);
        expect(sliceCp(text, sel.end, sel.end + [...sel.suffix].length)).toBe(sel.suffix);
      }),
      RUNS,
    );
  });

  it("paragraphs cover the text minus separators, and the PositionMap round-trips", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const ps = splitParagraphs(text);
        const map = new PositionMap(ps);
        let prevEnd = 0;
        for (const p of ps) {
          expect(text.slice(p.start, p.end)).toBe(p.text);
          expect(p.text.includes("\n\n")).toBe(false);
          expect(/^\n*$/.test(text.slice(prevEnd, p.start))).toBe(true);
          for (let o = p.start; o <= p.end; o++) expect(map.pmToText(map.textToPm(o))).toBe(o);
          prevEnd = p.end;
        }
        expect(/^\n*$/.test(text.slice(prevEnd))).toBe(true);
        let last = -1;
        for (let o = 0; o <= text.length; o++) {
          const pos = map.textToPm(o);
          expect(pos).toBeGreaterThanOrEqual(last); // monotone
          last = pos;
        }
        for (let pos = 0; pos <= map.docSize; pos++) {
          const o = map.pmToText(pos);
          expect(o).toBeGreaterThanOrEqual(0);
          expect(o).toBeLessThanOrEqual(text.length);
        }
      }),
      RUNS,
    );
  });

  it("selectionToOffsets yields a trimmed, grapheme-aligned quote of the canonical text", () => {
    fc.assert(
      fc.property(mixedText, fc.nat(), fc.nat(), (text, a, b) => {
        const model = buildTextModel(text);
        const r = selectionToOffsets(model, a % (text.length + 1), b % (text.length + 1));
        if (r === null) return;
        expect(r.exact).toBe(sliceCp(text, r.start, r.end));
        expect(r.exact.length).toBeGreaterThan(0);
        expect(/^\s|\s$/.test(r.exact)).toBe(false);
        const u0 = model.index.toUtf16(r.start);
        const u1 = model.index.toUtf16(r.end);
        expect(snapToGraphemes(text, u0, u1)).toEqual({ start: u0, end: u1 });
      }),
      RUNS,
    );
  });

  it("IntervalIndex.at agrees with a brute-force filter", () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 9 }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 60 }), fc.integer({ min: -2, max: 85 }), fc.integer({ min: 0, max: 10 }), (raw, p, w) => {
        const entries = raw.map(([start, len, id]) => ({ item: { id: `c${id}` }, start, end: start + len }));
        const index = new IntervalIndex(entries);
        const want = (pred: (s: number, e: number) => boolean) =>
          [...new Set(entries.filter((e) => pred(e.start, e.end)).map((e) => e.item.id))].sort();
        expect(index.at(p).map((x) => x.id).sort()).toEqual(want((s, e) => s <= p && p < e));
        expect(index.overlapping(p, p + w).map((x) => x.id).sort()).toEqual(
          w === 0 ? [] : want((s, e) => s < p + w && e > p && e > s),
        );
      }),
      RUNS,
    );
  });
});
