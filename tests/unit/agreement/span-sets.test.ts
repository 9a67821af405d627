import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { coveredSize, extent, normalizeSpans, overlapSize, spanKey } from "@/lib/core/agreement/span-sets";

const s = (pairs: [number, number][]) => pairs.map(([start, end]) => ({ start, end }));

describe("normalizeSpans", () => {
  it("sorts, merges overlapping and touching spans, and drops empty ones", () => {
    expect(normalizeSpans(s([[10, 20], [0, 5], [5, 8], [15, 25], [30, 30], [40, 39]]))).toEqual(s([[0, 8], [10, 25]]));
  });
  it("keeps separate spans separate and does not change its input", () => {
    const input = s([[5, 6], [0, 1]]);
    expect(normalizeSpans(input)).toEqual(s([[0, 1], [5, 6]]));
    expect(input).toEqual(s([[5, 6], [0, 1]]));
  });
  it("covers exactly the code points of its input", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(60), fc.nat(60))), (pairs) => {
      const input = s(pairs);
      const covered = new Set<number>();
      for (const x of input) for (let i = x.start; i < x.end; i++) covered.add(i);
      const out = normalizeSpans(input);
      expect(coveredSize(out)).toBe(covered.size);
      for (const x of out) for (let i = x.start; i < x.end; i++) expect(covered.has(i)).toBe(true);
      for (let k = 1; k < out.length; k++) expect(out[k].start).toBeGreaterThan(out[k - 1].end);
    }));
  });
});

describe("overlapSize", () => {
  it("counts code points in common across several spans", () => {
    expect(overlapSize(s([[0, 10], [20, 30]]), s([[5, 25]]))).toBe(10);
    expect(overlapSize(s([[0, 10]]), s([[10, 20]]))).toBe(0); // end is exclusive
    expect(overlapSize(s([[0, 10]]), s([[9, 20]]))).toBe(1);
    expect(overlapSize(s([[0, 5], [10, 15]]), s([[5, 10]]))).toBe(0); // straddles without touching
    expect(overlapSize([], s([[0, 5]]))).toBe(0);
  });
  it("matches a count code point by code point, and is symmetric", () => {
    const set = fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 5 }).map((p) => normalizeSpans(s(p)));
    fc.assert(fc.property(set, set, (a, b) => {
      let n = 0;
      for (let i = 0; i < 40; i++) {
        if (a.some((x) => x.start <= i && i < x.end) && b.some((x) => x.start <= i && i < x.end)) n++;
      }
      expect(overlapSize(a, b)).toBe(n);
      expect(overlapSize(b, a)).toBe(n);
    }));
  });
});

describe("spanKey and extent", () => {
  it("gives equal keys for sets covering the same text", () => {
    expect(spanKey(normalizeSpans(s([[0, 5], [5, 9]])))).toBe(spanKey(normalizeSpans(s([[0, 9]]))));
    expect(spanKey(normalizeSpans(s([[0, 5], [6, 9]])))).not.toBe(spanKey(normalizeSpans(s([[0, 9]]))));
  });
  it("spans from the first to the last code point", () => {
    expect(extent(s([[2, 4], [8, 12]]))).toEqual({ start: 2, end: 12 });
    expect(extent([])).toBeNull();
  });
});
