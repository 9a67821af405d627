import { describe, expect, it } from "vitest";
import { parseQuantity } from "@/lib/core/values";
import { HEDGES, splitNote, stripHedges } from "@/lib/core/values/quantity-wording";

function ok(raw: string) {
  const r = parseQuantity(raw);
  if (!r.ok) throw new Error(`expected a value for ${JSON.stringify(raw)}, got: ${r.error}`);
  return r;
}
function fails(raw: string): string {
  const r = parseQuantity(raw);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(raw)}, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe("hedges keep the value and mark it", () => {
  it.each(["likely", "reportedly", "allegedly", "possibly", "unconfirmed", "probably", "apparently"])(
    "%s before the figure",
    (hedge) => {
      const r = ok(`${hedge} 40 killed`);
      expect(r.value).toMatchObject({ qualifier: "exact", low: 40, best: 40, high: 40, hedged: true });
      expect(r.explanation).toContain(`hedged by the source ("${hedge}")`);
    },
  );

  it("finds a hedge inside the phrase and keeps the unit clean", () => {
    expect(ok("three likely Central Asian militants").value).toMatchObject({ low: 3, unit: "Central Asian militants", hedged: true });
    expect(ok("40 killed, reportedly").value).toMatchObject({ low: 40, hedged: true });
  });

  it("does not take words that merely contain a hedge, nor 'unconfirmed number', as hedges", () => {
    expect(ok("40 unlikely allies").value.hedged).toBeUndefined();
    expect(ok("an unconfirmed number of civilians").value).toMatchObject({ qualifier: "unknown_nonzero", unit: "civilians" });
    expect(ok("an unconfirmed number of civilians").value.hedged).toBeUndefined();
  });

  it("lists every hedge word it strips", () => {
    for (const hedge of HEDGES) expect(stripHedges(`${hedge} 5`)).toEqual({ text: "5", hedges: [hedge] });
  });

  it("refuses a hedge with no figure, naming the problem", () => {
    expect(fails("reportedly")).toMatch(/only a hedge/i);
  });
});

describe("trailing clauses are notes, not units", () => {
  it.each([
    ["7,000-8,500, including both fighters and support elements", "including both fighters and support elements", undefined],
    ["3,000 fighters, most of them foreign", "most of them foreign", "fighters"],
    ["3,000 fighters, 2,000 of them foreign", "2,000 of them foreign", "fighters"],
    ["400 fighters (UN estimate)", "UN estimate", "fighters"],
    ["50 militants in Kunar", "in Kunar", "militants"],
    ["2100 fighters remained in Kunar", "remained in Kunar", "fighters"],
  ])("%j", (raw, note, unit) => {
    const v = ok(raw).value;
    expect(v.note).toBe(note);
    expect(v.unit).toBe(unit);
  });

  it("splitNote leaves a phrase without a clause alone", () => {
    expect(splitNote("3,000 fighters")).toEqual({ text: "3,000 fighters" });
  });
});

describe("measures: verb before or after the number", () => {
  it.each([
    ["killed 24", 24, undefined, "killed"],
    ["killing four", 4, undefined, "killed"],
    ["wounding 50 Security Force personnel", 50, "Security Force personnel", "wounded"],
    ["24 were killed", 24, undefined, "killed"],
    ["12 people had been injured", 12, "people", "wounded"],
    ["33 dead", 33, undefined, "killed"],
    ["detaining 80 locals", 80, "locals", "detained"],
  ])("%j", (raw, n, unit, measure) => {
    const r = ok(raw);
    expect(r.value).toMatchObject({ qualifier: "exact", low: n, best: n, high: n });
    expect(r.value.unit).toBe(unit);
    expect(r.explanation).toContain(`measure: ${measure}`);
  });

  it("refuses two different measures in one phrase and names both", () => {
    expect(fails("33 killed, 100+ wounded")).toBe("Two different measures: killed (33 killed) and wounded (100+ wounded); give each its own field.");
    expect(fails("killing 30 and wounding 50 Security Force personnel")).toMatch(/killed \(killing 30\) and wounded/);
    expect(fails("45 deaths and 13 injuries")).toMatch(/killed .* and wounded/);
    expect(fails("wounded 30 killed")).toMatch(/two different measures/i);
  });

  it("sums figures of the same measure, the verb repeated or not", () => {
    expect(ok("killed 13 US soldiers and killed more than 180 Afghan civilians").value).toMatchObject({ qualifier: "more_than", low: 194 });
    expect(ok("killing four commanders and 94 militants").value).toMatchObject({ qualifier: "exact", low: 98 });
  });
});

describe("several figures in one phrase", () => {
  it("keeps one figure where 'and' is inside a number or a range", () => {
    expect(ok("two hundred and fifty").value).toMatchObject({ qualifier: "exact", low: 250 });
    expect(ok("between 1,500 and 2,200 fighters").value).toMatchObject({ qualifier: "range", low: 1500, high: 2200, unit: "fighters" });
    expect(ok("dozens of IS and Taliban prisoners").value).toMatchObject({ qualifier: "vague", unit: "IS and Taliban prisoners" });
    expect(ok("two hundred and fifty").value.parts).toBeUndefined();
  });

  it("keeps the unit when every part has the same one", () => {
    expect(ok("12 civilians and 3 civilians").value).toMatchObject({ low: 15, unit: "civilians" });
    expect(ok("23 inmates and two prison guards").value.unit).toBeUndefined();
  });

  it("explains the sum with each figure as written", () => {
    expect(ok("23 inmates and two prison guards").explanation).toBe(
      "exact: 25; sum of 2 figures: 23 inmates + two prison guards (every figure is exact)",
    );
    expect(ok("13 US soldiers and more than 180 Afghan civilians").explanation).toContain(
      "(a more-than figure makes the total more than the sum)",
    );
  });

  it("refuses a sum that cannot be bounded soundly", () => {
    expect(fails("about 20 soldiers and more than 30 civilians")).toMatch(/approximate figure cannot be added/);
  });

  it("refuses a trailing 'and' clause without a figure instead of reading it as the unit", () => {
    expect(fails("killing four and wounding others")).toMatch(/"and wounding others" names no figure/);
  });
});

describe("warnings", () => {
  it("warns that casualties are not deaths, and that a lone year-like number may be a year", () => {
    expect(ok("12 casualties").warnings).toEqual(["\"Casualties\" may include the wounded: not a count of deaths on its own (claims.md rule 8)."]);
    expect(ok("2015").warnings).toEqual(["2015 looks like a year; check that it is a count."]);
  });

  it("has no warnings for a plain figure", () => {
    expect(ok("2,015").warnings).toBeUndefined();
    expect(ok("33 killed").warnings).toBeUndefined();
    expect(ok("2015 fighters").warnings).toBeUndefined();
  });
});

describe("a selection that is not one figure is refused, naming why", () => {
  it.each([
    ["22 districts. ISKP subsequently", /runs past the end of a sentence/],
    ["100+ wounded).\n\nLast Attack: March 22, 2024", /runs past the end of a sentence/],
    ["four former TTP chiefs of the", /stops in the middle of a phrase/],
    ["a dozen Taliban soldiers and", /unfinished range|stops in the middle/],
    ["eight of Nangarhar's 22", /holds another number/],
    ["a dozen Taliban soldiers and detaining 80 locals", /"detaining 80 locals" has its own verb/],
  ])("%j", (raw, pattern) => {
    expect(fails(raw)).toMatch(pattern);
  });

  it("keeps abbreviations inside a unit", () => {
    expect(ok("13 U.S. Marines").value).toMatchObject({ low: 13, unit: "U.S. Marines" });
  });

  it("warns about a fraction and a range of years", () => {
    expect(ok("18.1 rockets").warnings).toEqual(["18.1 is not a whole number: check for a footnote number glued to the figure."]);
    expect(ok("from 2015 to 2018").warnings).toEqual(["2015 looks like a year; check that it is a count."]);
  });
});

describe("zero and unknown", () => {
  it.each(["did not cause any casualties", "no one was killed", "without casualties", "killing no one", "the attack caused no casualties"])(
    "%j is none",
    (raw) => {
      expect(ok(raw).value).toMatchObject({ qualifier: "none", low: 0, best: 0, high: 0 });
    },
  );

  it("does not read 'without' before something else as none", () => {
    expect(parseQuantity("Without access to open supply routes").ok).toBe(false);
  });

  it("'unknown wounded' is unknown; 'unknown number of' means some (rule 7)", () => {
    expect(ok("unknown wounded").value).toMatchObject({ qualifier: "unknown", low: null, best: null, high: null });
    expect(ok("unknown wounded").explanation).toContain("measure: wounded");
    expect(ok("an unknown number of civilians").value).toMatchObject({ qualifier: "unknown_nonzero", low: 1 });
  });
});

describe("lead-ins and determiners", () => {
  it.each([
    ["in the range of 5,000 to 8,000", "range", 5000, null, 8000],
    ["estimates ranging from 50 to 250", "range", 50, null, 250],
    ["somewhere around 2,000", "approx", null, 2000, null],
    ["in the region of 300", "approx", null, 300, null],
    ["it is estimated that 2,000", "approx", null, 2000, null],
    ["anywhere between 10 and 20", "range", 10, null, 20],
    ["all four ISKP attackers", "exact", 4, 4, 4],
    ["(33 killed)", "exact", 33, 33, 33],
    ["India (3)", "exact", 3, 3, 3],
  ])("%j", (raw, qualifier, low, best, high) => {
    expect(ok(raw).value).toMatchObject({ qualifier, low, best, high });
  });

  it("says which lead-in it read", () => {
    expect(ok("estimates ranging from 50 to 250").explanation).toContain('stated as "estimates ranging from"');
  });

  it("names the real problem when the figure is not at the start", () => {
    expect(fails("the group killed 24")).toBe('No figure at the start of "the group killed 24": select the words from "24" on.');
    expect(fails("fighters")).toBe('No number found in "fighters".');
  });
});
