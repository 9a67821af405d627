import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseQuantity } from "@/lib/core/values";
import { HEDGES } from "@/lib/core/values/quantity-wording";

const figure = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map((n) => `${n} fighters`),
  fc.integer({ min: 1, max: 1000 }).map((n) => `more than ${n} civilians`),
  fc.integer({ min: 1, max: 1000 }).map((n) => `about ${n}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)},000 soldiers`),
  fc.constantFrom("dozens of militants", "a dozen police", "23 inmates and two prison guards"),
);

describe("wording around a figure never changes its numbers", () => {
  it("a hedge before the figure keeps the value and marks it hedged", () => {
    fc.assert(
      fc.property(figure, fc.constantFrom(...HEDGES), (phrase, hedge) => {
        const plain = parseQuantity(phrase);
        const hedged = parseQuantity(`${hedge} ${phrase}`);
        if (!plain.ok || !hedged.ok) throw new Error(`${phrase}: ${JSON.stringify([plain, hedged])}`);
        const strip = ({ raw: _r, hedged: _h, parts, ...rest }: typeof plain.value) => ({ ...rest, parts: parts?.map(({ raw: _p, ...p }) => p) });
        expect(strip(hedged.value)).toEqual(strip(plain.value));
        expect(hedged.value.hedged).toBe(true);
        expect(plain.value.hedged).toBeUndefined();
      }),
    );
  });

  it("a measure verb before or after the figure keeps the numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom("killed", "wounded", "injured"), (n, verb) => {
        const ing = verb === "killed" ? "killing" : verb === "wounded" ? "wounding" : "injuring";
        for (const raw of [`${verb} ${n}`, `${ing} ${n}`, `${n} ${verb}`, `${n} were ${verb}`, `${n} people were ${verb}`]) {
          const r = parseQuantity(raw);
          expect(r.ok && r.value).toMatchObject({ qualifier: "exact", low: n, best: n, high: n });
        }
      }),
    );
  });

  it("a trailing including-clause becomes the note and leaves the numbers alone", () => {
    fc.assert(
      fc.property(figure, fc.constantFrom("including both fighters and support elements", "including 40 children", "mostly foreign"), (phrase, clause) => {
        const plain = parseQuantity(phrase);
        const noted = parseQuantity(`${phrase}, ${clause}`);
        if (!plain.ok || !noted.ok) throw new Error(phrase);
        expect(noted.value).toMatchObject({ low: plain.value.low, best: plain.value.best, high: plain.value.high, qualifier: plain.value.qualifier, note: clause });
      }),
    );
  });
});
