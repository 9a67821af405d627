import { describe, expect, it } from "vitest";
import { ATTACK, LEADER_CHANGE, SIZE_ESTIMATE, type FieldDefinition } from "@/lib/core/claim-types";
import { formatFieldValue, formatDate, NOT_STATED } from "@/lib/core/claim-types/field-display";

const fieldOf = (key: string): FieldDefinition => {
  const f = [...ATTACK.fields, ...LEADER_CHANGE.fields, ...SIZE_ESTIMATE.fields].find((x) => x.key === key);
  if (!f) throw new Error(key);
  return f;
};
const exact = (n: number, more: object = {}) => ({ raw: String(n), low: n, best: n, high: n, qualifier: "exact", ...more });

describe("formatFieldValue: not stated is not unknown", () => {
  it.each([undefined, null, "", "   ", []])("an empty field (%j) is not stated", (v) => {
    for (const key of ["date", "fatalities", "perpetrators", "claimed_by_group", "target", "attack_type"]) {
      expect(formatFieldValue(fieldOf(key), v)).toEqual({ text: NOT_STATED, status: "not_stated" });
    }
  });
  it("a quantity the source gives as unknown is unknown, with its wording", () => {
    expect(formatFieldValue(fieldOf("injured"), { raw: "unknown wounded", low: null, best: null, high: null, qualifier: "unknown" }))
      .toEqual({ text: "unknown", status: "unknown", raw: "unknown wounded" });
  });
  it("a date the source leaves unknown is unknown", () => {
    expect(formatFieldValue(fieldOf("date"), { raw: "at some point", start: null, end: null, precision: "unknown" }))
      .toMatchObject({ text: "unknown", status: "unknown", raw: "at some point" });
  });
  it("a tristate unknown is unknown; yes and no are stated", () => {
    expect(formatFieldValue(fieldOf("claimed_by_group"), "unknown")).toEqual({ text: "unknown", status: "unknown" });
    expect(formatFieldValue(fieldOf("claimed_by_group"), "yes")).toEqual({ text: "yes", status: "stated" });
    expect(formatFieldValue(fieldOf("claimed_by_group"), "no")).toEqual({ text: "no", status: "stated" });
  });
});

describe("formatFieldValue per kind", () => {
  it("quantity: parsed figure, wording kept, breakdown and note as detail", () => {
    const v = {
      raw: "23 inmates and two prison guards", low: 25, best: 25, high: 25, qualifier: "exact",
      parts: [exact(23, { unit: "inmates" }), exact(2, { raw: "two", unit: "prison guards" })],
    };
    expect(formatFieldValue(fieldOf("fatalities"), v)).toEqual({
      text: "25 (exact; 23 + 2)", status: "stated", raw: "23 inmates and two prison guards", detail: "23 inmates + 2 prison guards",
    });
    const noted = { raw: "7,000-8,500, including both fighters and support elements", low: 7000, best: null, high: 8500, qualifier: "range", unit: "fighters", note: "including both fighters and support elements" };
    expect(formatFieldValue(fieldOf("estimate"), noted)).toMatchObject({ text: "7,000–8,500 fighters (range)", detail: "including both fighters and support elements" });
  });
  it("quantity: hedged and manual are marked", () => {
    expect(formatFieldValue(fieldOf("fatalities"), exact(25, { hedged: true })).text).toBe("25 (exact) · hedged");
    expect(formatFieldValue(fieldOf("fatalities"), exact(25, { manual: true })).text).toBe("25 (exact) · manual");
  });
  it.each([
    [{ raw: "26 August 2021", start: "2021-08-26", end: "2021-08-26", precision: "day" }, "26 August 2021 (day)"],
    [{ raw: "18-20 April 2022", start: "2022-04-18", end: "2022-04-20", precision: "days" }, "18–20 April 2022 (days)"],
    [{ raw: "mid-October 2022", start: "2022-10-11", end: "2022-10-20", precision: "days" }, "11–20 October 2022 (days)"],
    [{ raw: "August 2021", start: "2021-08-01", end: "2021-08-31", precision: "month" }, "August 2021 (month)"],
    [{ raw: "2019-20", start: "2019-01-01", end: "2020-12-31", precision: "year" }, "2019–2020 (year)"],
    [{ raw: "week of 3 May", start: "2022-05-02", end: "2022-05-08", precision: "week" }, "week of 2 May 2022 (week)"],
    [{ raw: "sometime", start: "2021-01-05", end: "2021-01-05", precision: "day", manual: true }, "5 January 2021 (day) · manual"],
    [{ raw: "", start: null, end: null, precision: "unknown", manual: true }, "unknown · manual"],
  ])("date %j", (v, text) => {
    expect(formatFieldValue(fieldOf("date"), v).text).toBe(text);
    expect(formatDate(v as never)).toBe(text);
  });
  it("enum: labels, single and multiple", () => {
    expect(formatFieldValue(fieldOf("target_type"), "civilians")).toEqual({ text: "Civilians", status: "stated" });
    expect(formatFieldValue(fieldOf("attack_type"), ["suicide_bombing", "armed_assault"]).text).toBe("Suicide bombing, Armed assault");
  });
  it("actor, place, attribution and text show the wording", () => {
    expect(formatFieldValue(fieldOf("perpetrators"), [{ raw: "ISKP" }, { raw: "IS-K", actorId: "a1" }])).toEqual({ text: "ISKP, IS-K", status: "stated" });
    expect(formatFieldValue(fieldOf("group"), { raw: "Taliban" }).text).toBe("Taliban");
    expect(formatFieldValue(fieldOf("location"), { raw: "Kabul airport", country: "AFG", precision: 1 }).text).toBe("Kabul airport (AFG)");
    expect(formatFieldValue(fieldOf("location"), { raw: "Kabul" }).text).toBe("Kabul");
    expect(formatFieldValue(fieldOf("attribution"), { raw: "UN Security Council", sourceType: "un_ngo", stance: "reported" }).text).toBe("UN Security Council (reported)");
    expect(formatFieldValue(fieldOf("weapon"), "vehicle-borne IED")).toEqual({ text: "vehicle-borne IED", status: "stated" });
  });
  it("number", () => {
    const f: FieldDefinition = { key: "n", label: "N", kind: "number", required: false };
    expect(formatFieldValue(f, 12000).text).toBe("12,000");
    expect(formatFieldValue(f, 0)).toEqual({ text: "0", status: "stated" });
  });
});

describe("formatFieldValue: values that do not fit the field are shown, marked", () => {
  it.each([
    ["fatalities", "twelve"],
    ["fatalities", { raw: "12", low: 12, best: 12, high: 12 }],
    ["date", { raw: "May 2022", start: "2022-05-01" }],
    ["target_type", "tanks"],
    ["claimed_by_group", true],
    ["perpetrators", { raw: "ISKP" }],
    ["weapon", 12],
  ])("%s: %j", (key, v) => {
    const d = formatFieldValue(fieldOf(key), v);
    expect(d.status).toBe("unreadable");
    expect(d.text).toMatch(/not readable as this field/);
  });
  it("keeps the wording of an unreadable value", () => {
    expect(formatFieldValue(fieldOf("fatalities"), "twelve").text).toBe("twelve (not readable as this field)");
  });
});
