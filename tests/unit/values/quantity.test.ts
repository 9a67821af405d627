import { describe, expect, it } from "vitest";
import { parseQuantity, QuantitySchema, type Qualifier } from "@/lib/core/values";

type Row = [raw: string, qualifier: Qualifier, low: number | null, best: number | null, high: number | null, extra?: { unit?: string; vagueWord?: string }];

// Every rule of claims.md "Parsing quantities", one or more rows each.
const TABLE: Row[] = [
  // Rule 1: bare numbers, separators, multipliers, number words.
  ["12", "exact", 12, 12, 12],
  ["1,200", "exact", 1200, 1200, 1200],
  ["1 200", "exact", 1200, 1200, 1200],
  ["1\u00a0200", "exact", 1200, 1200, 1200],
  ["1,200,000", "exact", 1_200_000, 1_200_000, 1_200_000],
  ["1.5 million", "exact", 1_500_000, 1_500_000, 1_500_000],
  ["2m", "exact", 2_000_000, 2_000_000, 2_000_000],
  ["5k", "exact", 5000, 5000, 5000],
  ["3 thousand", "exact", 3000, 3000, 3000],
  ["ten", "exact", 10, 10, 10],
  ["Ten", "exact", 10, 10, 10],
  ["one", "exact", 1, 1, 1],
  ["nineteen", "exact", 19, 19, 19],
  ["twenty-five", "exact", 25, 25, 25],
  ["twenty five", "exact", 25, 25, 25],
  ["a dozen", "exact", 12, 12, 12],
  ["two dozen", "exact", 24, 24, 24],
  ["half a dozen", "exact", 6, 6, 6],
  ["a hundred", "exact", 100, 100, 100],
  ["two hundred and fifty", "exact", 250, 250, 250],
  ["three thousand", "exact", 3000, 3000, 3000],
  ["two thousand five hundred", "exact", 2500, 2500, 2500],
  ["a million", "exact", 1_000_000, 1_000_000, 1_000_000],
  ["0", "exact", 0, 0, 0],
  ["3,000 fighters", "exact", 3000, 3000, 3000, { unit: "fighters" }],
  ["3,000 Taliban fighters", "exact", 3000, 3000, 3000, { unit: "Taliban fighters" }],
  // The measure verb is not part of the unit (issue 6: verb before or after the number).
  ["12 people killed.", "exact", 12, 12, 12, { unit: "people" }],
  // Rule 2: approximations; low and high are not invented.
  ["about 1,500", "approx", null, 1500, null],
  ["around 300", "approx", null, 300, null],
  ["approximately 40", "approx", null, 40, null],
  ["some 300", "approx", null, 300, null],
  ["nearly 2,000", "approx", null, 2000, null],
  ["roughly 70", "approx", null, 70, null],
  ["an estimated 3,000 fighters", "approx", null, 3000, null, { unit: "fighters" }],
  ["about a dozen", "approx", null, 12, null],
  ["~300", "approx", null, 300, null],
  ["200 or so", "approx", null, 200, null],
  ["thirty-odd", "approx", null, 30, null],
  // Rule 3: at least / more than.
  ["at least 12", "at_least", 12, 12, null],
  ["100+", "at_least", 100, 100, null],
  ["50 or more", "at_least", 50, 50, null],
  ["no fewer than 20", "at_least", 20, 20, null],
  ["more than 180", "more_than", 181, null, null],
  ["over 1,000 civilians", "more_than", 1001, null, null, { unit: "civilians" }],
  ["in excess of 500", "more_than", 501, null, null],
  ["more than a dozen", "more_than", 13, null, null],
  ["over 1.5 million", "more_than", 1_500_001, null, null],
  // Rule 4: at most.
  ["up to 4,000 fighters", "at_most", null, null, 4000, { unit: "fighters" }],
  ["as many as 4,000", "at_most", null, null, 4000],
  ["no more than 50", "at_most", null, null, 50],
  ["fewer than 50", "at_most", null, null, 49],
  ["less than 10", "at_most", null, null, 9],
  ["20 or fewer", "at_most", null, null, 20],
  // Rule 5: ranges and the multiplier carry-back.
  ["3-4,000", "range", 3000, null, 4000],
  ["3–4,000", "range", 3000, null, 4000],
  ["2-3 million", "range", 2_000_000, null, 3_000_000],
  ["300-4,000", "range", 300, null, 4000],
  ["2-300", "range", 2, null, 300],
  ["4-4,500", "range", 4000, null, 4500],
  ["10-15,000", "range", 10_000, null, 15_000],
  ["50-10,000", "range", 50, null, 10_000],
  ["1.5-2 million", "range", 1_500_000, null, 2_000_000],
  ["between 1,500 and 2,200", "range", 1500, null, 2200],
  ["between 1,500 and 2,200 fighters", "range", 1500, null, 2200, { unit: "fighters" }],
  ["from 20 to 30", "range", 20, null, 30],
  ["20 to 30", "range", 20, null, 30],
  ["20 - 30", "range", 20, null, 30],
  ["3,000-4,000 fighters", "range", 3000, null, 4000, { unit: "fighters" }],
  ["two to three hundred", "range", 200, null, 300],
  ["two or three thousand", "range", 2000, null, 3000],
  ["ten-twelve", "range", 10, null, 12],
  ["between one hundred and two hundred", "range", 100, null, 200],
  ["about 3-4,000", "range", 3000, null, 4000],
  // Rule 6: vague words, the word kept, low from the lexicon.
  ["dozens", "vague", 12, null, null, { vagueWord: "dozens" }],
  ["Dozens of civilians", "vague", 12, null, null, { vagueWord: "dozens", unit: "civilians" }],
  ["tens", "vague", 10, null, null, { vagueWord: "tens" }],
  ["hundreds", "vague", 100, null, null, { vagueWord: "hundreds" }],
  ["thousands", "vague", 1000, null, null, { vagueWord: "thousands" }],
  ["scores", "vague", 20, null, null, { vagueWord: "scores" }],
  ["several", "vague", null, null, null, { vagueWord: "several" }],
  ["a few", "vague", null, null, null, { vagueWord: "a few" }],
  ["many", "vague", null, null, null, { vagueWord: "many" }],
  ["some", "vague", null, null, null, { vagueWord: "some" }],
  ["tens of thousands", "vague", 10_000, null, null, { vagueWord: "tens of thousands" }],
  ["hundreds of thousands of people", "vague", 100_000, null, null, { vagueWord: "hundreds of thousands", unit: "people" }],
  ["several hundred", "vague", 100, null, null, { vagueWord: "several hundred" }],
  ["a few dozen", "vague", 12, null, null, { vagueWord: "a few dozen" }],
  // Rule 7: unknown non-zero, none, unknown.
  ["deaths, number unknown", "unknown_nonzero", 1, null, null, { unit: "deaths" }],
  ["number unknown", "unknown_nonzero", 1, null, null],
  ["an unknown number of civilians", "unknown_nonzero", 1, null, null, { unit: "civilians" }],
  ["unknown number", "unknown_nonzero", 1, null, null],
  ["no one was hurt", "none", 0, 0, 0],
  ["no casualties", "none", 0, 0, 0],
  ["nobody", "none", 0, 0, 0],
  ["None", "none", 0, 0, 0],
  ["zero", "none", 0, 0, 0],
  ["there were no deaths", "none", 0, 0, 0],
  ["unknown", "unknown", null, null, null],
  ["not reported", "unknown", null, null, null],
];

describe("parseQuantity table", () => {
  it("has at least 50 rows", () => expect(TABLE.length).toBeGreaterThanOrEqual(50));

  it.each(TABLE)("%s -> %s %s/%s/%s", (raw, qualifier, low, best, high, extra) => {
    const r = parseQuantity(raw);
    if (!r.ok) throw new Error(`expected ok for ${JSON.stringify(raw)}, got: ${r.error}`);
    expect(r.value).toEqual({ raw, qualifier, low, best, high, ...(extra ?? {}) });
    expect(QuantitySchema.safeParse(r.value).success).toBe(true);
    expect(r.explanation.length).toBeGreaterThan(0);
  });
});

describe("parseQuantity errors", () => {
  it.each([
    ["", "Empty"],
    ["   ", "Empty"],
    ["10-5", "starts above"],
    ["1,5", "Could not read"],
    ["3-", "Could not read"],
    ["at least 3-4,000", "cannot qualify a range"],
    ["between 5", "needs two numbers"],
    ["fewer than 0", "no possible count"],
    ["about 100+", "contradict"],
    ["more than", "Expected a number"],
    ["fighters", "No number"],
    ["300abc", "Could not read"],
  ])("%j is an error mentioning %j", (raw, fragment) => {
    const r = parseQuantity(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });

  it("rejects over-long input and non-strings", () => {
    expect(parseQuantity("1".repeat(501)).ok).toBe(false);
    expect(parseQuantity(42 as unknown as string).ok).toBe(false);
  });
});

describe("parseQuantity explanations", () => {
  it.each([
    ["3-4,000", "range: 3,000 to 4,000"],
    ["more than 180", "low 181"],
    ["about 1,500", "approximately 1,500"],
    ["dozens", 'vague: "dozens", at least 12'],
    ["no one was hurt", "none (0)"],
    ["up to 4,000 fighters", 'unit "fighters"'],
    ["fewer than 50", "at most 49"],
  ])("%j explains as %j", (raw, fragment) => {
    const r = parseQuantity(raw);
    expect(r.ok && r.explanation).toContain(fragment);
  });

  it("says when a multiplier was carried back, and not otherwise", () => {
    const carried = parseQuantity("3-4,000");
    const plain = parseQuantity("300-4,000");
    expect(carried.ok && carried.explanation).toContain("carries back");
    expect(plain.ok && plain.explanation).not.toContain("carries back");
  });
});

describe("parseQuantity lexicon", () => {
  it("a project lexicon overrides and extends the defaults", () => {
    const r = parseQuantity("dozens", { lexicon: { dozens: 24 } });
    expect(r.ok && r.value.low).toBe(24);
    const s = parseQuantity("several", { lexicon: { Several: 3 } });
    expect(s.ok && s.value.low).toBe(3);
    const h = parseQuantity("a handful", { lexicon: { "a handful": 5 } });
    expect(h.ok && h.value).toMatchObject({ qualifier: "vague", low: 5, vagueWord: "a handful" });
    const n = parseQuantity("a slew", { lexicon: { "a slew": null } });
    expect(n.ok && n.value).toMatchObject({ qualifier: "vague", low: null, vagueWord: "a slew" });
  });

  it("a whole compound phrase in the lexicon beats the composed value", () => {
    const r = parseQuantity("tens of thousands", { lexicon: { "tens of thousands": 20_000 } });
    expect(r.ok && r.value.low).toBe(20_000);
  });

  it("rejects a lexicon entry that is not a non-negative number or null", () => {
    expect(parseQuantity("dozens", { lexicon: { dozens: -1 } }).ok).toBe(false);
    expect(parseQuantity("dozens", { lexicon: { dozens: Number.NaN } }).ok).toBe(false);
  });

  it("does not let the default lexicon be mutated through the options", () => {
    const lexicon = { dozens: 99 };
    parseQuantity("dozens", { lexicon });
    const r = parseQuantity("dozens");
    expect(r.ok && r.value.low).toBe(12);
  });
});

describe("QuantitySchema", () => {
  const q = (over: object) => ({ raw: "x", low: null, best: null, high: null, qualifier: "unknown", ...over });
  it.each([
    ["low above best", q({ qualifier: "approx", low: 10, best: 5 })],
    ["best above high", q({ qualifier: "range", low: 1, best: 20, high: 10 })],
    ["exact with differing numbers", q({ qualifier: "exact", low: 1, best: 2, high: 2 })],
    ["range without high", q({ qualifier: "range", low: 1 })],
    ["at_least with a high", q({ qualifier: "at_least", low: 1, best: 1, high: 5 })],
    ["at_most with a low", q({ qualifier: "at_most", low: 1, high: 5 })],
    ["none not zero", q({ qualifier: "none", low: 0, best: 1, high: 1 })],
    ["unknown with a number", q({ low: 3 })],
    ["unknown_nonzero below 1", q({ qualifier: "unknown_nonzero", low: 0 })],
    ["negative", q({ qualifier: "approx", best: -3 })],
    ["infinite", q({ qualifier: "approx", best: Infinity })],
    ["unknown key", q({ extra: 1 })],
    ["bad qualifier", q({ qualifier: "lots" })],
  ])("rejects %s", (_name, value) => {
    expect(QuantitySchema.safeParse(value).success).toBe(false);
  });

  it("accepts the fallback the form stores for unparsed text", () => {
    expect(QuantitySchema.safeParse(q({ raw: "blah" })).success).toBe(true);
  });
});
