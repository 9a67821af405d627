import { describe, expect, it } from "vitest";
import { formatNumber, formatQuantity, parseQuantity, quantityBreakdown, QuantitySchema, type Quantity } from "@/lib/core/values";

/** A schema-checked quantity, so every case is a value the app could store. */
const q = (v: Partial<Quantity> & Pick<Quantity, "qualifier">): Quantity =>
  QuantitySchema.parse({ raw: "", low: null, best: null, high: null, ...v });

describe("formatQuantity", () => {
  it.each<[string, Quantity, string]>([
    ["exact", q({ qualifier: "exact", low: 25, best: 25, high: 25 }), "25 (exact)"],
    ["exact with unit", q({ qualifier: "exact", low: 25, best: 25, high: 25, unit: "fighters" }), "25 fighters (exact)"],
    ["range", q({ qualifier: "range", low: 3000, high: 4000 }), "3,000–4,000 (range)"],
    ["range with unit", q({ qualifier: "range", low: 3000, high: 4000, unit: "fighters" }), "3,000–4,000 fighters (range)"],
    ["range with a stated best", q({ qualifier: "range", low: 3000, best: 3500, high: 4000 }), "3,000–4,000 (range; best 3,500)"],
    ["more than (stored low is N + 1)", q({ qualifier: "more_than", low: 181 }), "more than 180"],
    ["at least", q({ qualifier: "at_least", low: 100, best: 100 }), "at least 100"],
    ["at most", q({ qualifier: "at_most", high: 50, unit: "people" }), "at most 50 people"],
    ["approx", q({ qualifier: "approx", best: 2000 }), "about 2,000"],
    ["approx with bounds", q({ qualifier: "approx", low: 1500, best: 2000, high: 2500 }), "about 2,000 (1,500–2,500)"],
    ["vague with a floor", q({ qualifier: "vague", low: 12, vagueWord: "dozens" }), "dozens (≥ 12)"],
    ["vague with a unit", q({ qualifier: "vague", low: 100, vagueWord: "hundreds", unit: "fighters" }), "hundreds of fighters (≥ 100)"],
    ["vague without a figure", q({ qualifier: "vague", vagueWord: "several" }), "several (no figure)"],
    ["vague word from raw", q({ qualifier: "vague", raw: "a few" }), "a few (no figure)"],
    ["unknown non-zero", q({ qualifier: "unknown_nonzero", low: 1 }), "unknown number (≥ 1)"],
    ["unknown non-zero without a floor", q({ qualifier: "unknown_nonzero" }), "unknown number (≥ 1)"],
    ["none", q({ qualifier: "none", low: 0, best: 0, high: 0 }), "none (0)"],
    ["none with unit", q({ qualifier: "none", low: 0, best: 0, high: 0, unit: "casualties" }), "none (0 casualties)"],
    ["unknown", q({ qualifier: "unknown", raw: "unknown number" }), "unknown"],
    ["unknown with unit", q({ qualifier: "unknown", unit: "wounded" }), "unknown (wounded)"],
    ["decimals", q({ qualifier: "exact", low: 1.5, best: 1.5, high: 1.5, unit: "million" }), "1.5 million (exact)"],
    ["hedged", q({ qualifier: "exact", low: 25, best: 25, high: 25, hedged: true }), "25 (exact) · hedged"],
    ["manual", q({ qualifier: "range", low: 5, high: 8, manual: true }), "5–8 (range) · manual"],
    ["hedged and manual", q({ qualifier: "approx", best: 40, hedged: true, manual: true }), "about 40 · hedged · manual"],
    ["unknown entered by hand", q({ qualifier: "unknown", manual: true }), "unknown · manual"],
  ])("%s", (_name, value, text) => {
    expect(formatQuantity(value)).toBe(text);
  });

  const parts = (list: Partial<Quantity>[]) => list.map((p) => ({ low: null, best: null, high: null, qualifier: "exact" as const, ...p }));

  it("shows a breakdown's figures in the parentheses and with units on its own", () => {
    const v = q({
      qualifier: "exact", low: 25, best: 25, high: 25,
      parts: parts([{ low: 23, best: 23, high: 23, unit: "inmates" }, { low: 2, best: 2, high: 2, unit: "prison guards" }]),
    });
    expect(formatQuantity(v)).toBe("25 (exact; 23 + 2)");
    expect(quantityBreakdown(v)).toBe("23 inmates + 2 prison guards");
  });

  it("shows a combined more-than breakdown", () => {
    const v = q({
      qualifier: "more_than", low: 194,
      parts: parts([
        { low: 13, best: 13, high: 13, unit: "US soldiers" },
        { qualifier: "more_than", low: 181, unit: "Afghan civilians" },
      ]),
    });
    expect(formatQuantity(v)).toBe("more than 193 (13 + more than 180)");
    expect(quantityBreakdown(v)).toBe("13 US soldiers + more than 180 Afghan civilians");
  });

  it("has no breakdown without parts", () => {
    expect(quantityBreakdown(q({ qualifier: "exact", low: 1, best: 1, high: 1 }))).toBeNull();
  });

  it.each([
    ["3-4,000", "3,000–4,000 (range)"],
    ["more than 180", "more than 180"],
    ["at least 100", "at least 100"],
    ["about 2,000", "about 2,000"],
    ["dozens", "dozens (≥ 12)"],
  ])("reads back what the parser made of %s", (raw, text) => {
    const p = parseQuantity(raw);
    expect(p.ok && formatQuantity(p.value)).toBe(text);
  });
});

describe("formatNumber", () => {
  it.each([[0, "0"], [999, "999"], [1000, "1,000"], [2_500_000, "2,500,000"], [1.005, "1.01"], [0.5, "0.5"]])("%s -> %s", (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });
});
