import { describe, expect, it } from "vitest";
import {
  ATTACK, SIZE_ESTIMATE, carriesOver, checkFieldDefault, copyFieldValues, isEmptyValue, lastTypeBy, previousClaimOfType,
  sameEvidenceClaim, validDefaults, type ClaimRef,
} from "@/lib/core/claim-types";
import { parseDate, parseQuantity } from "@/lib/core/values";

const field = (def: typeof ATTACK, key: string) => def.fields.find((f) => f.key === key)!;
const ISKP = [{ raw: "ISKP" }];

describe("carriesOver", () => {
  it.each([
    ["perpetrators", true], ["location", true], ["target", true], ["target_type", true], ["attack_type", true],
    ["claimed_by_group", true], ["attribution", true], ["date", false], ["fatalities", false], ["injured", false],
  ])("attack %s: %s", (key, expected) => {
    expect(carriesOver(field(ATTACK, key))).toBe(expected);
  });

  it("never a derived field", () => {
    expect(carriesOver(field(SIZE_ESTIMATE, "size_bin"))).toBe(false);
    expect(carriesOver(field(SIZE_ESTIMATE, "group"))).toBe(true);
  });
});

describe("checkFieldDefault", () => {
  it("accepts a value the field's schema accepts", () => {
    expect(checkFieldDefault(ATTACK, "perpetrators", ISKP)).toEqual({ ok: true, value: ISKP });
    expect(checkFieldDefault(ATTACK, "target_type", "civilians")).toEqual({ ok: true, value: "civilians" });
    expect(checkFieldDefault(ATTACK, "attack_type", ["suicide_bombing", "armed_assault"]).ok).toBe(true);
  });

  it.each([
    ["an unknown field", "nope", "x", /not a field of Attack/],
    ["a figure", "fatalities", parseQuantity("12").ok ? { raw: "12" } : null, /cannot have a default/],
    ["a date", "date", parseDate("18 April 2022").ok ? { raw: "18 April 2022" } : null, /cannot have a default/],
    ["an empty list", "perpetrators", [], /needs a value/],
    ["blank text", "target", "  ", /needs a value/],
    ["a single actor where a list is expected", "perpetrators", { raw: "ISKP" }, /not a valid value/],
    ["an option that does not exist", "target_type", "aliens", /not a valid value/],
    ["too many choices", "attack_type", ["suicide_bombing", "armed_assault", "kidnapping", "other"], /not a valid value/],
  ])("refuses %s", (_what, key, value, message) => {
    const r = checkFieldDefault(ATTACK, key, value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe("validDefaults", () => {
  it("keeps what the current definition accepts and drops the rest", () => {
    expect(validDefaults(ATTACK, { perpetrators: ISKP, target_type: "aliens", gone: "x", fatalities: { raw: "3" } })).toEqual({ perpetrators: ISKP });
  });

  it.each([[null], [[1, 2]], ["text"], [undefined]])("reads %j as no defaults", (stored) => {
    expect(validDefaults(ATTACK, stored)).toEqual({});
  });
});

describe("copyFieldValues", () => {
  const source = {
    perpetrators: [{ raw: "Islamic State Khorasan Province" }], target: "a school", target_type: "civilians",
    fatalities: { raw: "12" }, date: { raw: "18 April 2022" }, weapon: "",
  };

  it("copies every field that carries over, never figures and dates, and skips empty source fields", () => {
    const r = copyFieldValues(ATTACK, source, {});
    expect(r.copied).toEqual(["perpetrators", "target", "target_type"]);
    expect(r.values).toEqual({ perpetrators: source.perpetrators, target: "a school", target_type: "civilians" });
  });

  it("never overwrites a value the annotator typed, but replaces a project default still in place", () => {
    const draft = { target: "a mosque", perpetrators: ISKP, fatalities: { raw: "3" } };
    const r = copyFieldValues(ATTACK, source, draft, { perpetrators: ISKP });
    expect(r.copied).toEqual(["perpetrators", "target_type"]);
    expect(r.values).toEqual({ target: "a mosque", perpetrators: source.perpetrators, target_type: "civilians", fatalities: { raw: "3" } });
    expect(draft).toEqual({ target: "a mosque", perpetrators: ISKP, fatalities: { raw: "3" } }); // not mutated
  });

  it("keeps a typed value that happens to differ from the default", () => {
    const r = copyFieldValues(ATTACK, source, { perpetrators: [{ raw: "Taliban" }] }, { perpetrators: ISKP });
    expect(r.values.perpetrators).toEqual([{ raw: "Taliban" }]);
    expect(r.copied).not.toContain("perpetrators");
  });
});

describe("isEmptyValue", () => {
  it.each([[undefined, true], [null, true], ["", true], [" ", true], [[], true], ["x", false], [[{ raw: "a" }], false], [0, false], [false, false]])("%j: %s", (v, expected) => {
    expect(isEmptyValue(v)).toBe(expected);
  });
});

const claim = (id: string, typeId: string, spans: [number, number][], authorId = "u1"): ClaimRef => ({ id, typeId, authorId, spans });

describe("previousClaimOfType", () => {
  // In reading order, as the page holds them.
  const claims = [claim("3", "attack", [[10, 20]]), claim("1", "leader", [[30, 40]]), claim("5", "attack", [[50, 60]]), claim("2", "attack", [[90, 95]]), claim("pending-x", "attack", [[70, 80]])];

  it("is the last claim of the type before the new evidence", () => {
    expect(previousClaimOfType(claims, "attack", 85)?.id).toBe("5");
    expect(previousClaimOfType(claims, "attack", 55)?.id).toBe("5");
    expect(previousClaimOfType(claims, "attack", 50)?.id).toBe("3");
  });

  it("falls back to the type's most recent claim when none comes before, and skips claims still saving", () => {
    expect(previousClaimOfType(claims, "attack", 5)?.id).toBe("5");
    expect(previousClaimOfType([claim("pending-y", "attack", [[1, 2]])], "attack", 10)).toBeNull();
  });

  it("is null for a type without claims", () => {
    expect(previousClaimOfType(claims, "size", 100)).toBeNull();
  });
});

describe("lastTypeBy", () => {
  it("is the type of the author's highest-numbered claim", () => {
    const claims = [claim("7", "leader", [[1, 2]], "u1"), claim("9", "size", [[3, 4]], "u2"), claim("8", "attack", [[5, 6]], "u1")];
    expect(lastTypeBy(claims, "u1")).toBe("attack");
    expect(lastTypeBy(claims, "u2")).toBe("size");
    expect(lastTypeBy(claims, "u3")).toBeNull();
  });
});

describe("sameEvidenceClaim", () => {
  const claims = [claim("4", "attack", [[10, 20]]), claim("6", "attack", [[30, 40], [50, 60]]), claim("8", "leader", [[70, 80]])];

  it("finds a claim of the same type with the same spans, in any order", () => {
    expect(sameEvidenceClaim(claims, "attack", [{ start: 10, end: 20 }])?.id).toBe("4");
    expect(sameEvidenceClaim(claims, "attack", [{ start: 50, end: 60 }, { start: 30, end: 40 }])?.id).toBe("6");
  });

  it("ignores other types, overlapping or partial evidence", () => {
    expect(sameEvidenceClaim(claims, "leader", [{ start: 10, end: 20 }])).toBeNull();
    expect(sameEvidenceClaim(claims, "attack", [{ start: 10, end: 21 }])).toBeNull();
    expect(sameEvidenceClaim(claims, "attack", [{ start: 30, end: 40 }])).toBeNull();
    expect(sameEvidenceClaim(claims, "attack", [])).toBeNull();
  });
});
