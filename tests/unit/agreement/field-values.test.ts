import { describe, expect, it } from "vitest";
import { isEmptyValue, normalizeText, quantityInterval, valuesAgree } from "@/lib/core/agreement";

const q = (qualifier: string, low: number | null, best: number | null, high: number | null, unit?: string) =>
  ({ raw: "x", qualifier, low, best, high, ...(unit ? { unit } : {}) });
const d = (start: string | null, end: string | null, precision = "days") => ({ raw: "x", start, end, precision });

describe("normalizeText", () => {
  it("composes, folds case and collapses white space", () => {
    expect(normalizeText("  Cafe\u0301   IN\tKabul\n")).toBe("café in kabul");
    expect(normalizeText("STRASSE")).toBe(normalizeText("straße"));
  });
});

describe("isEmptyValue", () => {
  it.each([[undefined, true], [null, true], ["", true], ["  ", true], [[], true], ["x", false], [0, false], ["unknown", false], [{}, false]])(
    "%j is empty: %s", (v, empty) => expect(isEmptyValue(v)).toBe(empty),
  );
});

describe("quantityInterval", () => {
  it.each([
    [q("exact", 5, 5, 5), { lo: 5, hi: 5 }],
    [q("approx", null, 100, null), { lo: 100, hi: 100 }],
    [q("approx", 90, 100, 110), { lo: 90, hi: 110 }],
    [q("at_least", 10, 10, null), { lo: 10, hi: Infinity }],
    [q("more_than", 181, null, null), { lo: 181, hi: Infinity }],
    [q("at_most", null, null, 50), { lo: 0, hi: 50 }],
    [q("range", 3000, null, 4000), { lo: 3000, hi: 4000 }],
    [q("vague", 12, null, null), { lo: 12, hi: Infinity }],
    [q("vague", null, null, null), { lo: 0, hi: Infinity }],
    [q("unknown_nonzero", 1, null, null), { lo: 1, hi: Infinity }],
    [q("none", 0, 0, 0), { lo: 0, hi: 0 }],
    [q("unknown", null, null, null), "unknown"],
  ])("%j allows %j", (value, interval) => expect(quantityInterval(value)).toEqual(interval));
  it("is null for malformed values", () => {
    expect(quantityInterval("12")).toBeNull();
    expect(quantityInterval(q("range", 10, null, null))).toBeNull();
    expect(quantityInterval(q("range", 10, null, 5))).toBeNull();
    expect(quantityInterval({ ...q("exact", 1, 1, 1), qualifier: "lots" })).toBeNull();
  });
});

describe("valuesAgree", () => {
  it("compares text after normalization, and enum, boolean and number by equality", () => {
    expect(valuesAgree("text", "Suicide  Bomber", "suicide bomber ")).toBe(true);
    expect(valuesAgree("text", "bomber", "bombers")).toBe(false);
    expect(valuesAgree("enum", "military", "military")).toBe(true);
    expect(valuesAgree("enum", "military", "police")).toBe(false);
    expect(valuesAgree("enum", ["bombing", "armed_assault"], ["armed_assault", "bombing"])).toBe(true);
    expect(valuesAgree("enum", ["bombing", "armed_assault"], ["bombing"])).toBe(false);
    expect(valuesAgree("boolean", "yes", "yes")).toBe(true);
    expect(valuesAgree("boolean", "yes", "unknown")).toBe(false);
    expect(valuesAgree("number", 3, 3)).toBe(true);
    expect(valuesAgree("number", 3, "3")).toBe(false);
  });
  it("agrees on quantities whose intervals overlap", () => {
    expect(valuesAgree("quantity", q("exact", 24, 24, 24), q("exact", 24, 24, 24))).toBe(true);
    expect(valuesAgree("quantity", q("exact", 24, 24, 24), q("exact", 25, 25, 25))).toBe(false);
    expect(valuesAgree("quantity", q("range", 3000, null, 4000), q("approx", null, 3500, null))).toBe(true);
    expect(valuesAgree("quantity", q("at_least", 100, 100, null), q("exact", 180, 180, 180))).toBe(true);
    expect(valuesAgree("quantity", q("at_least", 100, 100, null), q("at_most", null, null, 99))).toBe(false);
    expect(valuesAgree("quantity", q("at_most", null, null, 5), q("none", 0, 0, 0))).toBe(true);
    expect(valuesAgree("quantity", q("unknown_nonzero", 1, null, null), q("none", 0, 0, 0))).toBe(false);
    expect(valuesAgree("quantity", q("none", 0, 0, 0), q("none", 0, 0, 0))).toBe(true);
  });
  it("agrees on unknown figures only with unknown figures", () => {
    expect(valuesAgree("quantity", q("unknown", null, null, null), q("unknown", null, null, null))).toBe(true);
    expect(valuesAgree("quantity", q("unknown", null, null, null), q("vague", null, null, null))).toBe(false);
  });
  it("never agrees on figures of different units", () => {
    expect(valuesAgree("quantity", q("exact", 300, 300, 300, "fighters"), q("exact", 300, 300, 300, "members"))).toBe(false);
    expect(valuesAgree("quantity", q("exact", 300, 300, 300, "Fighters"), q("exact", 300, 300, 300, "fighters"))).toBe(true);
    expect(valuesAgree("quantity", q("exact", 300, 300, 300, "fighters"), q("exact", 300, 300, 300))).toBe(true);
  });
  it("agrees on dates whose windows overlap", () => {
    expect(valuesAgree("date", d("2021-08-26", "2021-08-26", "day"), d("2021-08-01", "2021-08-31", "month"))).toBe(true);
    expect(valuesAgree("date", d("2021-08-26", "2021-08-26", "day"), d("2021-08-27", "2021-08-27", "day"))).toBe(false);
    expect(valuesAgree("date", d("2021-05-01", "2021-05-10"), d("2021-05-10", "2021-05-20"))).toBe(true);
    expect(valuesAgree("date", d(null, null, "unknown"), d(null, null, "unknown"))).toBe(true);
    expect(valuesAgree("date", d(null, null, "unknown"), d("2021-01-01", "2021-12-31", "year"))).toBe(false);
  });
  it("agrees on places by their normalized names", () => {
    expect(valuesAgree("place", { raw: "Kabul " }, { raw: "kabul", country: "AFG" })).toBe(true);
    expect(valuesAgree("place", { raw: "Kabul" }, { raw: "Kandahar" })).toBe(false);
    expect(valuesAgree("place", [{ raw: "Kabul" }, { raw: "Herat" }], [{ raw: "herat" }, { raw: "kabul" }])).toBe(true);
  });
  it("agrees on actors by their link when both have one, else by name", () => {
    expect(valuesAgree("actor", { raw: "ISKP", actorId: "a1" }, { raw: "IS-K", actorId: "a1" })).toBe(true);
    expect(valuesAgree("actor", { raw: "ISKP", actorId: "a1" }, { raw: "ISKP", actorId: "a2" })).toBe(false);
    expect(valuesAgree("actor", { raw: "ISKP", actorId: "a1" }, { raw: "iskp" })).toBe(true);
    expect(valuesAgree("actor", { raw: "ISKP" }, { raw: "IS-K" })).toBe(false);
    expect(valuesAgree("actor", [{ raw: "ISKP" }, { raw: "Taliban" }], [{ raw: "ISKP" }])).toBe(false);
    expect(valuesAgree("actor", [{ raw: "ISKP", actorId: "a1" }], [{ raw: "IS-K", actorId: "a1" }, { raw: "iskp" }])).toBe(true);
  });
  it("agrees on attributions with the same source, type and stance", () => {
    const un = { raw: "UN Security Council", sourceType: "un_ngo", stance: "reported" };
    expect(valuesAgree("attribution", un, { ...un, raw: "un security  council" })).toBe(true);
    expect(valuesAgree("attribution", un, { ...un, stance: "alleged" })).toBe(false);
    expect(valuesAgree("attribution", un, { ...un, sourceType: "media" })).toBe(false);
  });
  it("agrees with nothing when a value has the wrong shape", () => {
    expect(valuesAgree("quantity", "24", "24")).toBe(false);
    expect(valuesAgree("date", "2021", "2021")).toBe(false);
    expect(valuesAgree("place", "Kabul", "Kabul")).toBe(false);
    expect(valuesAgree("text", 1, 1)).toBe(false);
  });
});
