import { describe, expect, it } from "vitest";
import { ATTACK, SIZE_ESTIMATE, buildValuesSchema, validateClaimValues, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import { parseDate, parseQuantity } from "@/lib/core/values";

function ok<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

// One field of every kind, required and optional, to test the per-kind rules.
const KINDS: ClaimTypeDefinition = {
  key: "kinds",
  name: "Kinds",
  color: "#336699",
  fields: [
    { key: "t", label: "Text", kind: "text", required: false },
    { key: "n", label: "Number", kind: "number", required: false },
    { key: "q", label: "Quantity", kind: "quantity", required: false },
    { key: "qu", label: "Quantity with unit", kind: "quantity", required: false, unitRequired: true },
    { key: "d", label: "Date", kind: "date", required: false },
    { key: "p", label: "Place", kind: "place", required: false },
    { key: "a", label: "Actor", kind: "actor", required: false },
    { key: "as", label: "Actors", kind: "actor", required: false, many: true },
    { key: "e", label: "Choice", kind: "enum", required: false, options: [{ value: "x", label: "Ex" }, { value: "y", label: "Why" }] },
    { key: "em", label: "Choices", kind: "enum", required: false, maxSelected: 2, options: [{ value: "x", label: "Ex" }, { value: "y", label: "Why" }, { value: "z", label: "Zed" }] },
    { key: "b", label: "Flag", kind: "boolean", required: false },
    { key: "at", label: "Attribution", kind: "attribution", required: false },
    { key: "r", label: "Required text", kind: "text", required: true },
  ],
};

const q = ok(parseQuantity("3-4,000 fighters"));
const d = ok(parseDate("26 August 2021"));

describe("validateClaimValues per kind", () => {
  it.each<[string, Record<string, unknown>]>([
    ["only the required field", { r: "x" }],
    ["optional fields null", { r: "x", t: null, n: null, q: null, d: null, e: null, as: null }],
    ["empty optional text", { r: "x", t: "" }],
    ["a number", { r: "x", n: -2.5 }],
    ["a quantity", { r: "x", q }],
    ["a quantity with its unit", { r: "x", qu: q }],
    ["a date", { r: "x", d }],
    ["a place", { r: "x", p: { raw: "Kabul", country: "AFG", precision: 1 } }],
    ["an actor", { r: "x", a: { raw: "ISKP" } }],
    ["a list of actors", { r: "x", as: [{ raw: "ISKP" }, { raw: "Taliban", actorId: "a1" }] }],
    ["one choice", { r: "x", e: "y" }],
    ["two choices", { r: "x", em: ["x", "z"] }],
    ["a tristate", { r: "x", b: "unknown" }],
    ["an attribution", { r: "x", at: { raw: "UN Security Council", sourceType: "un_ngo", stance: "reported" } }],
  ])("accepts %s", (_n, values) => {
    const r = validateClaimValues(KINDS, values);
    expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
    expect(buildValuesSchema(KINDS).safeParse(values).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["a missing required field", {}, "r", "A value is required."],
    ["a null required field", { r: null }, "r", "A value is required."],
    ["blank required text", { r: "   " }, "r", "A value is required."],
    ["text too long", { r: "x", t: "y".repeat(2001) }, "t", "2000 characters"],
    ["text given a number", { r: "x", t: 5 }, "t", "Expected text"],
    ["a string for a number", { r: "x", n: "5" }, "n", "Expected a number"],
    ["an infinite number", { r: "x", n: Infinity }, "n", ""],
    ["a broken quantity", { r: "x", q: { ...q, low: 5000 } }, "q", "above"],
    ["a quantity without its unit", { r: "x", qu: ok(parseQuantity("3-4,000")) }, "qu", "Give the unit"],
    ["a bare string for a quantity", { r: "x", q: "3-4,000" }, "q", "Expected a quantity"],
    ["an impossible date", { r: "x", d: { ...d, start: "2021-02-30" } }, "d", "real day"],
    ["a place with a bad country", { r: "x", p: { raw: "Kabul", country: "Afghanistan" } }, "p", "three-letter"],
    ["a single actor for a list", { r: "x", as: { raw: "ISKP" } }, "as", "list of an actor"],
    ["an unknown choice", { r: "x", e: "w" }, "e", "one of: Ex, Why"],
    ["a list for a single choice", { r: "x", e: ["x"] }, "e", ""],
    ["too many choices", { r: "x", em: ["x", "y", "z"] }, "em", "at most 2"],
    ["a repeated choice", { r: "x", em: ["x", "x"] }, "em", "only once"],
    ["a boolean for a tristate", { r: "x", b: true }, "b", ""],
    ["an attribution with a bad stance", { r: "x", at: { raw: "UN", sourceType: "un_ngo", stance: "maybe" } }, "at", "Stance: must be one of"],
    ["an unknown field", { r: "x", colour: "red" }, "colour", "not a field of Kinds"],
  ])("rejects %s", (_n, values, field, fragment) => {
    const r = validateClaimValues(KINDS, values);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(r.issues)).toBeDefined();
    expect(issue!.message).toContain(fragment);
    expect(r.issues.every((i) => i.field === field)).toBe(true);
    expect(buildValuesSchema(KINDS).safeParse(values).success).toBe(false);
  });

  it("rejects values that are not a record", () => {
    for (const v of [null, [], "x", 3]) {
      const r = validateClaimValues(KINDS, v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0].field).toBe("");
    }
  });

  it("reports every bad field, once each", () => {
    const r = validateClaimValues(KINDS, { n: "x", e: "w" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field).sort()).toEqual(["e", "n", "r"]);
  });
});

describe("default claim types", () => {
  const attack = {
    date: ok(parseDate("26 August 2021")),
    location: { raw: "Abbey Gate, Hamid Karzai International Airport, Kabul", country: "AFG", admin1: "Kabul", precision: 1 },
    perpetrators: [{ raw: "ISKP" }],
    target: "US service members and Afghan civilians outside the airport",
    target_type: "civilians",
    attack_type: ["suicide_bombing", "armed_assault"],
    weapon: "suicide vest",
    fatalities: ok(parseQuantity("more than 180")),
    perpetrator_fatalities: ok(parseQuantity("1")),
    injured: ok(parseQuantity("at least 150")),
    claimed_by_group: "yes",
    attribution: { raw: "Pentagon", sourceType: "military", stance: "reported" },
  };

  it("a realistic attack passes", () => {
    const r = validateClaimValues(ATTACK, attack);
    expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
    if (r.ok) expect(r.values).toEqual(attack);
  });

  it("an empty attack passes: every attack field is optional", () => {
    expect(validateClaimValues(ATTACK, {}).ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["four attack types", { attack_type: ["suicide_bombing", "armed_assault", "kidnapping", "other"] }, "attack_type"],
    ["a target type not in the list", { target_type: "journalists" }, "target_type"],
    ["a boolean for claimed_by_group", { claimed_by_group: true }, "claimed_by_group"],
    ["a plain number of fatalities", { fatalities: 180 }, "fatalities"],
    ["perpetrators as a string", { perpetrators: "ISKP" }, "perpetrators"],
    ["a misspelt field", { fatalites: ok(parseQuantity("12")) }, "fatalites"],
  ])("a wrong attack (%s) reports field %s", (_n, change, field) => {
    const r = validateClaimValues(ATTACK, { ...attack, ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field)).toEqual([field]);
  });

  it("a size estimate needs a group and an estimate with a unit", () => {
    const good = { group: { raw: "ISKP" }, estimate: ok(parseQuantity("1,500-2,200 fighters")), size_bin: "1,000-9,999" };
    expect(validateClaimValues(SIZE_ESTIMATE, good).ok).toBe(true);
    const missing = validateClaimValues(SIZE_ESTIMATE, { estimate: good.estimate });
    expect(!missing.ok && missing.issues).toEqual([{ field: "group", message: "A value is required." }]);
    const unitless = validateClaimValues(SIZE_ESTIMATE, { ...good, estimate: ok(parseQuantity("1,500-2,200")) });
    expect(!unitless.ok && unitless.issues[0].field).toBe("estimate");
  });
});
