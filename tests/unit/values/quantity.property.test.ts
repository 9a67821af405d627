import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseQuantity, QuantitySchema } from "@/lib/core/values";

const fmt = (n: number) => new Intl.NumberFormat("en-US").format(n);

describe("parseQuantity properties", () => {
  it("reads any whole number back, with or without separators", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        for (const raw of [String(n), fmt(n)]) {
          const r = parseQuantity(raw);
          expect(r.ok && r.value).toMatchObject({ qualifier: "exact", low: n, best: n, high: n });
        }
      }),
    );
  });

  it("reads a range of two separator-written numbers as written (no carry between them)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (a, d) => {
        const r = parseQuantity(`${fmt(a)}-${fmt(a + d)}`);
        expect(r.ok && r.value).toMatchObject({ qualifier: "range", low: a, high: a + d, best: null });
      }),
    );
  });

  it("carries a thousands multiplier back exactly when the first number is smaller than the lead", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), (a, b) => {
        const r = parseQuantity(`${a}-${b},000`);
        const low = a < b ? a * 1000 : a;
        expect(r.ok && r.value).toMatchObject({ qualifier: "range", low, high: b * 1000 });
      }),
    );
  });

  it("every successful parse of arbitrary phrase soup satisfies the schema", () => {
    const word = fc.constantFrom(
      "about", "at least", "more than", "up to", "fewer than", "between", "and", "to", "-", "+", "or more", "or so",
      "3", "4,000", "1.5", "million", "dozen", "a", "two", "hundred", "dozens", "several", "of", "fighters",
      "no one", "unknown", "number", "0", "k", "thousand",
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (parts) => {
        const r = parseQuantity(parts.join(" "));
        if (r.ok) expect(QuantitySchema.safeParse(r.value).success).toBe(true);
        else expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
