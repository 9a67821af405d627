import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseQuantity, QuantitySchema, type QuantityPart } from "@/lib/core/values";
import { floorOf, sumParts } from "@/lib/core/values/quantity-sum";

const n = fc.integer({ min: 0, max: 100_000 });

/** A part of any qualifier, with numbers that satisfy its shape. */
const partArb: fc.Arbitrary<QuantityPart> = fc.oneof(
  n.map((x) => ({ qualifier: "exact" as const, low: x, best: x, high: x })),
  fc.constant({ qualifier: "none" as const, low: 0, best: 0, high: 0 }),
  n.map((x) => ({ qualifier: "approx" as const, low: null, best: x, high: null })),
  n.map((x) => ({ qualifier: "at_least" as const, low: x, best: x, high: null })),
  n.map((x) => ({ qualifier: "more_than" as const, low: x + 1, best: null, high: null })),
  n.map((x) => ({ qualifier: "at_most" as const, low: null, best: null, high: x })),
  fc.tuple(n, n).map(([a, d]) => ({ qualifier: "range" as const, low: a, best: null, high: a + d })),
  fc.option(n, { nil: null }).map((x) => ({ qualifier: "vague" as const, low: x, best: null, high: null })),
  fc.constant({ qualifier: "unknown_nonzero" as const, low: 1, best: null, high: null }),
  fc.constant({ qualifier: "unknown" as const, low: null, best: null, high: null }),
);

/** The highest count a part allows (Infinity when open). */
function ceilingOf(p: QuantityPart): number {
  if (["exact", "none", "range", "at_most"].includes(p.qualifier)) return p.high ?? 0;
  return Infinity;
}

/** One possible true count of a part, `t` in [0, 1] choosing where in its set. */
function sample(p: QuantityPart, t: number): number {
  const lo = floorOf(p);
  const hi = Math.min(ceilingOf(p), lo + 10_000);
  return lo + Math.round(t * (hi - lo));
}

describe("sumParts algebra", () => {
  it("every possible total lies within the result's bounds, and the floor is reached", () => {
    fc.assert(
      fc.property(fc.array(partArb.filter((p) => p.qualifier !== "approx"), { minLength: 2, maxLength: 5 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), (parts, ts) => {
        const r = sumParts(parts);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const { low, high } = r.total;
        const total = parts.reduce((acc, p, i) => acc + sample(p, ts[i]), 0);
        expect(total).toBeGreaterThanOrEqual(low ?? 0);
        if (high !== null) expect(total).toBeLessThanOrEqual(high);
        // Tight: the least total of the parts is the result's floor.
        expect(low ?? 0).toBe(parts.reduce((acc, p) => acc + floorOf(p), 0));
        const value = { raw: "x", ...r.total, parts };
        expect(QuantitySchema.safeParse(value).success).toBe(true);
      }),
    );
  });

  it("exact and none add up to exact; exact + more_than is more_than of the sum; exact + at_least is at_least", () => {
    fc.assert(
      fc.property(n, n, (a, b) => {
        const exact = (x: number) => ({ qualifier: "exact" as const, low: x, best: x, high: x });
        const totalOf = (parts: QuantityPart[]) => {
          const r = sumParts(parts);
          return r.ok ? r.total : r.error;
        };
        expect(totalOf([exact(a), exact(b)])).toEqual({ qualifier: "exact", low: a + b, best: a + b, high: a + b });
        const more = { qualifier: "more_than" as const, low: b + 1, best: null, high: null };
        expect(totalOf([exact(a), more])).toEqual({ qualifier: "more_than", low: a + b + 1, best: null, high: null });
        const least = { qualifier: "at_least" as const, low: b, best: b, high: null };
        expect(totalOf([exact(a), least])).toEqual({ qualifier: "at_least", low: a + b, best: a + b, high: null });
      }),
    );
  });

  it("approximate parts add their bests with exact ones, and refuse any other kind", () => {
    fc.assert(
      fc.property(fc.array(partArb, { minLength: 2, maxLength: 4 }), (parts) => {
        if (!parts.some((p) => p.qualifier === "approx")) return;
        const r = sumParts(parts);
        const soundlyAddable = parts.every((p) => ["approx", "exact", "none"].includes(p.qualifier));
        expect(r.ok).toBe(soundlyAddable);
        if (r.ok) expect(r.total).toEqual({ qualifier: "approx", low: null, best: parts.reduce((a, p) => a + (p.best ?? 0), 0), high: null });
        else expect(r.error).toMatch(/approximate/);
      }),
    );
  });

  it("a vague or unknown part makes the total a floor with no ceiling", () => {
    const r = sumParts([
      { qualifier: "range", low: 10, best: null, high: 20 },
      { qualifier: "unknown", low: null, best: null, high: null },
    ]);
    expect(r).toEqual({
      ok: true,
      total: { qualifier: "vague", low: 10, best: null, high: null, vagueWord: "unknown" },
      why: "a vague or unknown figure leaves only a floor",
    });
  });
});

describe("parseQuantity sums the figures of one phrase", () => {
  const figure = fc.oneof(
    fc.integer({ min: 0, max: 5000 }).map((x) => `${x} soldiers`),
    fc.integer({ min: 1, max: 5000 }).map((x) => `more than ${x} civilians`),
    fc.integer({ min: 1, max: 5000 }).map((x) => `at least ${x} police`),
    fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 })).map(([a, d]) => `${a}-${a + d} fighters`),
    fc.constantFrom("dozens of militants", "several guards", "an unknown number of prisoners"),
  );

  it("the value is the total of the figures read one by one, never the first alone", () => {
    fc.assert(
      fc.property(fc.array(figure, { minLength: 2, maxLength: 4 }), fc.constantFrom(" and ", ", "), (figures, sep) => {
        const raw = figures.join(sep);
        const r = parseQuantity(raw);
        if (!r.ok) throw new Error(`${raw}: ${r.error}`);
        const one = figures.map((f) => {
          const p = parseQuantity(f);
          if (!p.ok) throw new Error(p.error);
          const { raw: _r, vagueWord: _v, ...rest } = p.value;
          return rest;
        });
        expect(r.value.parts?.map(({ raw: _r, ...p }) => p)).toEqual(one);
        const total = sumParts(one);
        expect(total.ok && total.total).toMatchObject({ qualifier: r.value.qualifier, low: r.value.low, best: r.value.best, high: r.value.high });
      }),
    );
  });
});
