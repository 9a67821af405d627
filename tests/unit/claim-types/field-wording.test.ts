import { describe, expect, it } from "vitest";
import {
  ATTACK, FieldDefinitionSchema, SIZE_ESTIMATE, readFieldWording, sameFieldValue, validateClaimValues,
  type ClaimTypeDefinition, type FieldDefinition,
} from "@/lib/core/claim-types";
import { parseDate, parseQuantity } from "@/lib/core/values";

const fieldOf = (def: ClaimTypeDefinition, key: string): FieldDefinition => def.fields.find((f) => f.key === key)!;
const estimate = fieldOf(SIZE_ESTIMATE, "estimate");
const fatalities = fieldOf(ATTACK, "fatalities");
const date = fieldOf(ATTACK, "date");

function read(f: FieldDefinition, raw: string, ctx = {}) {
  const r = readFieldWording(f, raw, ctx);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe("readFieldWording", () => {
  it("gives a size estimate worded without a unit the field's default unit, and says so", () => {
    const r = read(estimate, "3-4,000");
    expect(r.value).toMatchObject({ low: 3000, high: 4000, qualifier: "range", unit: "fighters" });
    expect(r.explanation).toContain("default unit");
  });

  it("keeps a unit the wording gives over the default", () => {
    const r = read(estimate, "1,500-2,200 members");
    expect(r.value).toMatchObject({ low: 1500, high: 2200, unit: "members" });
    expect(r.explanation).not.toContain("default unit");
  });

  it("adds no unit to a field without a default", () => {
    expect(read(fatalities, "3-4,000").value).not.toHaveProperty("unit");
  });

  it("reads a date against the publication date", () => {
    expect(read(date, "April 18", { reference: { year: 2022, month: 5 } }).value).toMatchObject({ start: "2022-04-18", precision: "day" });
    expect(read(date, "April 18", { reference: { year: 2019, month: 6 } }).value).toMatchObject({ start: "2019-04-18" });
  });

  it("reads a yearless date against the year stated in the text before the evidence", () => {
    const ctx = { reference: { year: 2024, month: 2 }, before: "In January 2015 the group grew.\n\n" };
    const r = read(date, "On January 26", ctx);
    expect(r.value).toMatchObject({ start: "2015-01-26", end: "2015-01-26", precision: "day" });
  });

  it("returns the parser's refusal for wording it cannot read", () => {
    expect(readFieldWording(fatalities, "see the table below").ok).toBe(false);
    expect(readFieldWording(date, "whenever it was").ok).toBe(false);
  });

  it("refuses fields that are not read from wording", () => {
    expect(readFieldWording(fieldOf(ATTACK, "weapon"), "a rifle").ok).toBe(false);
  });
});

describe("sameFieldValue", () => {
  it("ignores key order and members set to undefined, and nothing else", () => {
    expect(sameFieldValue({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1, d: undefined })).toBe(true);
    expect(sameFieldValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameFieldValue({ a: null }, {})).toBe(false);
    expect(sameFieldValue(undefined, { a: 1 })).toBe(false);
  });
});

describe("FieldDefinitionSchema: defaultUnit", () => {
  const q = { key: "q", label: "Q", kind: "quantity", required: false };
  it("is allowed on quantities, 1-200 characters", () => {
    expect(FieldDefinitionSchema.safeParse({ ...q, defaultUnit: "fighters" }).success).toBe(true);
    expect(FieldDefinitionSchema.safeParse({ ...q, defaultUnit: "  " }).success).toBe(false);
    expect(FieldDefinitionSchema.safeParse({ ...q, defaultUnit: "x".repeat(201) }).success).toBe(false);
  });
  it("is refused on other kinds", () => {
    expect(FieldDefinitionSchema.safeParse({ ...q, kind: "date", defaultUnit: "days" }).success).toBe(false);
  });
  it("is set to fighters on the size estimate", () => {
    expect(estimate.defaultUnit).toBe("fighters");
  });
});

describe("validateClaimValues: wording", () => {
  const ok = <T,>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  const issuesOf = (def: ClaimTypeDefinition, values: Record<string, unknown>, ctx = {}) => {
    const r = validateClaimValues(def, values, ctx);
    return r.ok ? [] : r.issues;
  };

  it("accepts a value that is exactly what its wording reads", () => {
    expect(issuesOf(ATTACK, { fatalities: ok(parseQuantity("more than 180")) })).toEqual([]);
  });

  it("refuses a value that differs from its wording (a stale or lying client)", () => {
    const lying = { ...ok(parseQuantity("about 170")), best: 1700 };
    const issues = issuesOf(ATTACK, { fatalities: lying });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: "fatalities" });
    expect(issues[0]!.message).toContain('does not match its wording "about 170"');
  });

  it("refuses wording that cannot be read unless the value is entered by hand", () => {
    const issues = issuesOf(ATTACK, { fatalities: { raw: "see the table below" } });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/cannot be read as a figure.*Enter the value by hand or mark it unknown/);
    // The same wording with a figure entered by hand, or marked unknown on purpose, is accepted.
    const manual = { raw: "see the table below", low: 10, best: null, high: 15, qualifier: "range", manual: true };
    expect(issuesOf(ATTACK, { fatalities: manual })).toEqual([]);
    const unknown = { raw: "see the table below", low: null, best: null, high: null, qualifier: "unknown", manual: true };
    expect(issuesOf(ATTACK, { fatalities: unknown })).toEqual([]);
  });

  it("refuses a value with neither wording nor the manual mark", () => {
    const issues = issuesOf(ATTACK, { fatalities: { raw: "", low: null, best: null, high: null, qualifier: "unknown" } });
    expect(issues[0]!.message).toContain("No wording and no value");
  });

  it("still checks the shape of a hand-entered value", () => {
    const issues = issuesOf(ATTACK, { fatalities: { raw: "?", low: null, best: null, high: null, qualifier: "range", manual: true } });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.field === "fatalities" && /needed for "range"/.test(i.message))).toBe(true);
  });

  it("refuses an unreadable date unless entered by hand", () => {
    expect(issuesOf(ATTACK, { date: { raw: "whenever it was", start: null, end: null, precision: "unknown" } })[0]!.message).toContain("cannot be read as a date");
    const manual = { raw: "whenever it was", start: "2015-01-01", end: "2015-03-31", precision: "days", manual: true };
    expect(issuesOf(ATTACK, { date: manual })).toEqual([]);
  });

  it("reads dates in the claim's context: a value read against another publication date is refused", () => {
    const at2022 = ok(parseDate("April 18", { reference: { year: 2022, month: 5 } }));
    expect(issuesOf(ATTACK, { date: at2022 }, { reference: { year: 2022, month: 5 } })).toEqual([]);
    expect(issuesOf(ATTACK, { date: at2022 }, { reference: { year: 2019, month: 5 } }).map((i) => i.field)).toEqual(["date"]);
  });

  it("lets a size estimate without a unit take the default unit, which satisfies unitRequired", () => {
    const values = { group: { raw: "ISKP" }, estimate: read(estimate, "3-4,000").value };
    expect(issuesOf(SIZE_ESTIMATE, values)).toEqual([]);
    // Sent without the unit the reading adds, the value is refused for its missing unit.
    expect(issuesOf(SIZE_ESTIMATE, { ...values, estimate: ok(parseQuantity("3-4,000")) }).map((i) => i.field)).toEqual(["estimate"]);
  });

  it("does not re-read a field left as stored, and does re-read one that changed", () => {
    const stale = { ...ok(parseQuantity("about 170")), best: 171 }; // as an older parser might have stored it
    const previous = { fatalities: stale, weapon: "rifle" };
    expect(issuesOf(ATTACK, { fatalities: { ...stale }, weapon: "rifles" }, { previous })).toEqual([]);
    const changed = { ...stale, best: 172 };
    expect(issuesOf(ATTACK, { fatalities: changed, weapon: "rifles" }, { previous }).map((i) => i.field)).toEqual(["fatalities"]);
  });

  it("lists issues in the form's field order, so the first is the first field with a problem", () => {
    const issues = issuesOf(ATTACK, { injured: { raw: "zzz" }, date: { raw: "zzz" }, fatalities: "x" });
    expect(issues.map((i) => i.field)).toEqual(["date", "fatalities", "injured"]);
  });
});

describe("validateClaimValues: values entered by hand", () => {
  it("asks for the kind of figure or the precision when it is missing, instead of a shape error", () => {
    const q = validateClaimValues(ATTACK, { fatalities: { raw: "x", low: 3, best: null, high: null, manual: true } });
    expect(!q.ok && q.issues).toEqual([{ field: "fatalities", message: expect.stringContaining("Choose what kind of figure") }]);
    const d = validateClaimValues(ATTACK, { date: { raw: "x", start: "2015-01-01", end: null, manual: true } });
    expect(!d.ok && d.issues).toEqual([{ field: "date", message: expect.stringContaining("Choose the precision") }]);
  });
});
