import { describe, expect, it } from "vitest";
import { ATTACK, SIZE_ESTIMATE } from "@/lib/core/claim-types";
import { keyValues, MAX_SUMMARY, summarizeValues } from "@/lib/core/summary";

const day = (iso: string, raw = iso) => ({ raw, start: iso, end: iso, precision: "day" });
const exact = (n: number) => ({ raw: String(n), low: n, best: n, high: n, qualifier: "exact" });

describe("summarizeValues", () => {
  it("shows parsed values with labels, in the definition's order, not the wording", () => {
    expect(summarizeValues(ATTACK, {
      claimed_by_group: "yes", perpetrators: [{ raw: "ISKP" }, { raw: "IS-K" }], date: day("2021-08-26", "Thursday"), fatalities: exact(170),
    })).toBe("Date: 26 August 2021 (day) · Perpetrators: ISKP, IS-K · Fatalities: 170 (exact) · Claimed by group: yes");
  });
  it("lists more than four fields", () => {
    const s = summarizeValues(ATTACK, {
      date: day("2021-08-26"), location: { raw: "Kabul" }, target: "crowd", weapon: "IED", fatalities: exact(170), injured: exact(200),
    });
    expect(s.split(" · ")).toHaveLength(6);
  });
  it("says unknown for unknown values and leaves empty fields out", () => {
    expect(summarizeValues(ATTACK, {
      target: "", perpetrators: [], weapon: null,
      injured: { raw: "unknown wounded", low: null, best: null, high: null, qualifier: "unknown" },
      claimed_by_group: "unknown",
    })).toBe("Injured: unknown · Claimed by group: unknown");
    expect(summarizeValues(ATTACK, {})).toBe("");
  });
  it("cuts long lines", () => {
    const s = summarizeValues(ATTACK, { target: "x".repeat(500) });
    expect(s.length).toBe(MAX_SUMMARY);
    expect(s.endsWith("…")).toBe(true);
    expect(summarizeValues(ATTACK, { target: "x".repeat(500) }, 50)).toHaveLength(50);
  });
});

describe("keyValues", () => {
  it("gives the first date and the first quantity that hold something", () => {
    expect(keyValues(ATTACK, { weapon: "IED", date: day("2022-04-18"), injured: exact(4), fatalities: exact(12) }))
      .toBe("Date: 18 April 2022 (day) · Fatalities: 12 (exact)");
    expect(keyValues(ATTACK, { injured: exact(4) })).toBe("Injured: 4 (exact)");
  });
  it("shows an unknown figure as unknown", () => {
    expect(keyValues(ATTACK, { fatalities: { raw: "unknown number", low: null, best: null, high: null, qualifier: "unknown" } })).toBe("Fatalities: unknown");
  });
  it("works on other types and is empty without a date or figure", () => {
    expect(keyValues(SIZE_ESTIMATE, {
      group: { raw: "ISKP" }, estimate: { raw: "3-4,000", low: 3000, best: null, high: 4000, qualifier: "range", unit: "fighters" },
      reference_date: { raw: "2022", start: "2022-01-01", end: "2022-12-31", precision: "year" },
    })).toBe("Reference date: 2022 (year) · Estimate: 3,000–4,000 fighters (range)");
    expect(keyValues(ATTACK, { weapon: "IED" })).toBe("");
  });
});
