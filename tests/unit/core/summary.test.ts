import { describe, expect, it } from "vitest";
import { summarizeValues } from "@/lib/core/summary";

describe("summarizeValues", () => {
  it("shows raw wording, lists and plain values", () => {
    expect(summarizeValues({ date: { raw: "26 August 2021", start: "2021-08-26" }, perpetrators: [{ raw: "ISKP" }, { raw: "IS-K" }], claimed_by_group: "yes" }))
      .toBe("date: 26 August 2021 · perpetrators: ISKP, IS-K · claimed by group: yes");
  });
  it("skips empty values and stops after four parts", () => {
    expect(summarizeValues({ a: "", b: null, c: [], d: "1", e: "2", f: "3", g: "4", h: "5" })).toBe("d: 1 · e: 2 · f: 3 · g: 4");
  });
  it("truncates long lines", () => {
    const s = summarizeValues({ note: "x".repeat(500) });
    expect(s.length).toBe(160);
    expect(s.endsWith("…")).toBe(true);
  });
});
