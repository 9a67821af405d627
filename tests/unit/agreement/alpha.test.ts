import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { krippendorffAlpha, type AlphaValue } from "@/lib/core/agreement";

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders x 12
// units with missing values (written here as null).
const _ = null;
const CODERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const PAPER_UNITS = CODERS[0].map((_v, u) => CODERS.map((row) => row[u]));

describe("krippendorffAlpha, the paper's worked example", () => {
  it.each([
    ["nominal", 0.743],
    ["ordinal", 0.815],
    ["interval", 0.849],
    ["ratio", 0.797],
  ] as const)("%s alpha is %s", (metric, expected) => {
    const r = krippendorffAlpha(PAPER_UNITS, { metric });
    expect(r.alpha).toBeCloseTo(expected, 3);
    // Unit 12 has one value only and is dropped: 11 units, 40 pairable values.
    expect(r.units).toBe(11);
    expect(r.values).toBe(40);
  });
  it("has the paper's nominal disagreements (D_o = 0.2 after dividing by n = 40)", () => {
    const r = krippendorffAlpha(PAPER_UNITS);
    expect(r.observed).toBeCloseTo(8 / 40, 10);
  });
});

describe("krippendorffAlpha, hand-computed", () => {
  it("is 1 for perfect agreement", () => {
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3, 3]]).alpha).toBe(1);
    expect(krippendorffAlpha([["a", "a", null], ["b", "b", "b"]]).alpha).toBe(1);
  });
  it("is below 0 for systematic disagreement (-0.5 for two coders who always swap)", () => {
    // o_12 = o_21 = 2, n_1 = n_2 = 2, n = 4: D_o = 1, D_e = 8/12, alpha = 1 - 1.5.
    expect(krippendorffAlpha([[1, 2], [2, 1]]).alpha).toBeCloseTo(-0.5, 12);
  });
  it("computes a binary case: 4/9", () => {
    // o_aa = 2, o_ab = o_ba = 1, o_bb = 2; n = 6; D_o = 2/6, D_e = 18/30.
    expect(krippendorffAlpha([["a", "a"], ["a", "b"], ["b", "b"]]).alpha).toBeCloseTo(4 / 9, 12);
  });
  it("computes an interval case: 8/11", () => {
    // o_12 = o_21 = 1, o_33 = 2; D_o = 2/4; D_e = (2·1 + 2·2·4 + 2·2·1)/12 = 22/12.
    const r = krippendorffAlpha([[1, 2], [3, 3]], { metric: "interval" });
    expect(r.observed).toBeCloseTo(0.5, 12);
    expect(r.expected).toBeCloseTo(22 / 12, 12);
    expect(r.alpha).toBeCloseTo(8 / 11, 12);
  });
  it("gives null with a reason when only one value occurs", () => {
    expect(krippendorffAlpha([[1, 1], [1, 1, 1]])).toMatchObject({ alpha: null, reason: "no_variation", units: 2, values: 5 });
  });
  it("gives null with a reason when no unit has two values", () => {
    expect(krippendorffAlpha([])).toMatchObject({ alpha: null, reason: "no_pairable_values" });
    expect(krippendorffAlpha([[1], [2, null], [null, null]])).toMatchObject({ alpha: null, reason: "no_pairable_values", units: 0 });
  });
  it("refuses numeric metrics on text, and ratio on negative numbers", () => {
    expect(krippendorffAlpha([["a", "b"]], { metric: "interval" })).toMatchObject({ alpha: null, reason: "not_numeric" });
    expect(krippendorffAlpha([["a", "b"]], { metric: "ordinal" })).toMatchObject({ alpha: null, reason: "not_numeric" });
    expect(krippendorffAlpha([[-1, 2]], { metric: "ratio" })).toMatchObject({ alpha: null, reason: "not_numeric" });
    expect(krippendorffAlpha([["a", "z"]], { metric: "ordinal", order: ["a", "b"] })).toMatchObject({ alpha: null, reason: "not_numeric" });
  });
  it("reads ordinal text in the order given, as it would the ranks", () => {
    const words = ["low", "mid", "high", "top", "max"];
    const asWords = PAPER_UNITS.map((u) => u.map((v) => (v === null ? null : words[v - 1])));
    expect(krippendorffAlpha(asWords, { metric: "ordinal", order: words }).alpha).toBeCloseTo(0.815, 3);
    // The order matters: reversed ranks give the same alpha (ordinal distances are symmetric), a shuffled order does not.
    expect(krippendorffAlpha(asWords, { metric: "ordinal", order: [...words].reverse() }).alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(asWords, { metric: "ordinal", order: ["mid", "max", "low", "top", "high"] }).alpha).not.toBeCloseTo(0.815, 3);
  });
  it("ratio treats two zeros as agreeing", () => {
    expect(krippendorffAlpha([[0, 0], [2, 2]], { metric: "ratio" }).alpha).toBe(1);
  });
});

const arbUnits = fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });

describe("krippendorffAlpha, properties", () => {
  it("is 1 whenever coders agree in every unit and more than one value occurs", () => {
    const agreeing = fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 4 })), { minLength: 2, maxLength: 10 })
      .filter((u) => new Set(u.map(([v]) => v)).size > 1)
      .map((u) => u.map(([v, m]) => Array.from({ length: m }, () => v)));
    fc.assert(fc.property(agreeing, fc.constantFrom("nominal" as const, "ordinal" as const, "interval" as const, "ratio" as const), (units, metric) => {
      expect(krippendorffAlpha(units, { metric }).alpha).toBeCloseTo(1, 12);
    }));
  });
  it("does not depend on the order of coders in a unit or of units", () => {
    fc.assert(fc.property(arbUnits, (units) => {
      const shuffled = [...units].reverse().map((u) => [...u].reverse());
      for (const metric of ["nominal", "ordinal", "interval", "ratio"] as const) {
        const x = krippendorffAlpha(units, { metric });
        const y = krippendorffAlpha(shuffled, { metric });
        expect(y.reason).toBe(x.reason);
        if (x.alpha !== null) expect(y.alpha).toBeCloseTo(x.alpha, 10);
      }
    }));
  });
  it("nominal alpha does not depend on the names of the categories", () => {
    fc.assert(fc.property(arbUnits, (units) => {
      const renamed = units.map((u) => u.map((v): AlphaValue | null => (v === null ? null : `cat-${6 - v}`)));
      const x = krippendorffAlpha(units);
      const y = krippendorffAlpha(renamed);
      expect(y.reason).toBe(x.reason);
      if (x.alpha !== null) expect(y.alpha).toBeCloseTo(x.alpha, 10);
    }));
  });
  it("never exceeds 1, and missing values are only a way of leaving a coder out", () => {
    fc.assert(fc.property(arbUnits, (units) => {
      const r = krippendorffAlpha(units, { metric: "interval" });
      if (r.alpha !== null) expect(r.alpha).toBeLessThanOrEqual(1 + 1e-12);
      const compact = units.map((u) => u.filter((v) => v !== null));
      expect(krippendorffAlpha(compact, { metric: "interval" }).alpha).toBe(r.alpha);
    }));
  });
});
