import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { scoresOf, swapCounts } from "@/lib/core/agreement";

describe("scoresOf", () => {
  it("computes precision against B, recall against A, and F1", () => {
    // A has 4 claims, B has 5; 3 match.
    expect(scoresOf({ matched: 3, onlyA: 1, onlyB: 2 })).toEqual({
      matched: 3, onlyA: 1, onlyB: 2, precision: 3 / 5, recall: 3 / 4, f1: 6 / 9,
    });
  });
  it("gives no data (null), not 0 or 1, when both sides are empty", () => {
    expect(scoresOf({ matched: 0, onlyA: 0, onlyB: 0 })).toEqual({ matched: 0, onlyA: 0, onlyB: 0, precision: null, recall: null, f1: null });
  });
  it("defines the one-sided cases: the empty side's ratio is null, the others 0", () => {
    expect(scoresOf({ matched: 0, onlyA: 3, onlyB: 0 })).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(scoresOf({ matched: 0, onlyA: 0, onlyB: 2 })).toMatchObject({ precision: 0, recall: null, f1: 0 });
  });
  it("gives 1 everywhere for full agreement", () => {
    expect(scoresOf({ matched: 7, onlyA: 0, onlyB: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
  it("swaps precision and recall, and keeps F1, when A and B swap", () => {
    const counts = fc.record({ matched: fc.nat(50), onlyA: fc.nat(50), onlyB: fc.nat(50) });
    fc.assert(fc.property(counts, (c) => {
      const ab = scoresOf(c);
      const ba = scoresOf(swapCounts(c));
      expect(ba.precision).toBe(ab.recall);
      expect(ba.recall).toBe(ab.precision);
      expect(ba.f1).toBe(ab.f1);
    }));
  });
});
