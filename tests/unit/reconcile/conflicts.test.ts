import { describe, expect, it } from "vitest";
import { ATTACK } from "@/lib/core/claim-types";
import { detectConflicts, type ReconcileClaim } from "@/lib/core/reconcile";
import { attack, day, kabulReports, qty, window } from "./fixtures";

const kinds = (claims: ReconcileClaim[]) => detectConflicts(ATTACK, claims).map((c) => `${c.kind}:${c.field}`);
const att = (raw: string, stance: string) => ({ raw, sourceType: "media", stance });

describe("detectConflicts", () => {
  it("finds none in the Kabul reports: 'at least 170' and '183' overlap", () => {
    expect(detectConflicts(ATTACK, kabulReports())).toEqual([]);
  });

  it("figures whose ranges do not overlap", () => {
    const [a, b] = kabulReports();
    const low = { ...b, values: { ...(b.values as object), fatalities: qty("up to 150") } };
    const conflicts = detectConflicts(ATTACK, [a, low]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      kind: "figure_mismatch", field: "fatalities",
      sides: [{ claimIds: ["a1"], documentIds: ["docA"] }, { claimIds: ["b1"], documentIds: ["docB"] }],
    });
    expect(conflicts[0].message).toBe(`Fatalities: the figures' ranges do not overlap: "at least 170" (a1) vs "up to 150" (b1).`);
  });

  it("'about' figures overlap within their slack, not beyond", () => {
    const about = (raw: string, other: string) => kinds([attack("x", "d1", { fatalities: qty(raw) }), attack("y", "d2", { fatalities: qty(other) })]);
    expect(about("about 180", "170")).toEqual([]);
    expect(about("about 180", "100")).toEqual(["figure_mismatch:fatalities"]);
  });

  it("date windows that do not overlap, and no conflict when they do", () => {
    const claims = [attack("x", "d1", { date: day("26 August 2021") }), attack("y", "d2", { date: day("27 August 2021") })];
    const [c] = detectConflicts(ATTACK, claims);
    expect(c.kind).toBe("date_mismatch");
    expect(c.message).toContain("2021-08-26");
    expect(kinds([attack("x", "d1", { date: day("26 August 2021") }), attack("y", "d2", { date: day("August 2021") })])).toEqual([]);
    expect(kinds([attack("x", "d1", { date: window("2021-08-20", "2021-08-26", "week") }), attack("y", "d2", { date: day("26 August 2021") })])).toEqual([]);
  });

  it("many date windows: one conflict, claims ending before the latest start against those starting after the earliest end", () => {
    const claims = [
      attack("aug10", "d1", { date: day("10 August 2021") }),
      attack("month", "d2", { date: day("August 2021") }),
      attack("aug01", "d3", { date: day("1 August 2021") }),
      attack("aug20", "d4", { date: day("20 August 2021") }),
      attack("aug20b", "d5", { date: day("20 August 2021") }),
    ];
    const c = detectConflicts(ATTACK, claims);
    expect(c.map((x) => x.kind)).toEqual(["date_mismatch"]);
    // The month overlaps both extremes and takes no side; the 10th contradicts the 20th.
    expect(c[0].sides.map((s) => s.claimIds)).toEqual([["aug01", "aug10"], ["aug20", "aug20b"]]);
    expect(c[0].sides[0].value).toMatchObject({ start: "2021-08-01" });
    expect(c[0].sides[1].documentIds).toEqual(["d4", "d5"]);
    expect(c[0].message).toContain("2021-08-10");
    expect(kinds([claims[1], claims[2], claims[3]])).toEqual(["date_mismatch:date"]);
    expect(kinds([claims[1], claims[3], claims[4]])).toEqual([]);
  });

  it("many figures: one conflict, every claim below the highest low against the highest", () => {
    const claims = ["12", "14", "about 13", "40", "at least 10", "45"].map((raw, i) => attack(`f${i}`, `d${i}`, { fatalities: qty(raw) }));
    const c = detectConflicts(ATTACK, claims);
    expect(c.map((x) => x.kind)).toEqual(["figure_mismatch"]);
    // "at least 10" allows every other figure and takes no side.
    expect(c[0].sides.map((s) => s.claimIds)).toEqual([["f0", "f1", "f2", "f3"], ["f5"]]);
    expect(c[0].sides.map((s) => s.value)).toMatchObject([{ best: 12 }, { best: 45 }]);
    const high = ["12", "40", "45"].map((raw, i) => attack(`h${i}`, `d${i}`, { fatalities: qty(raw) }));
    expect(detectConflicts(ATTACK, high)[0].sides.map((s) => s.claimIds)).toEqual([["h0", "h1"], ["h2"]]);
    const spread = ["12", "about 40", "45"].map((raw, i) => attack(`s${i}`, `d${i}`, { fatalities: qty(raw) }));
    expect(detectConflicts(ATTACK, spread)[0].sides.map((s) => s.claimIds)).toEqual([["s0"], ["s2", "s1"]]);
  });

  it("one source reporting deaths and another none", () => {
    const claims = [attack("x", "d1", { fatalities: qty("no one was killed") }), attack("y", "d2", { fatalities: qty("killing four") }), attack("z", "d3", { fatalities: qty("4") })];
    const c = detectConflicts(ATTACK, claims);
    expect(c.map((x) => x.kind)).toEqual(["none_vs_reported"]);
    expect(c[0].sides[1].claimIds).toEqual(["y", "z"]);
  });

  it("'none' against an unknown non-zero number", () => {
    const unknownNonzero = { raw: "deaths, number unknown", low: 1, best: null, high: null, qualifier: "unknown_nonzero", manual: true };
    expect(kinds([attack("x", "d1", { fatalities: qty("no one was killed") }), attack("y", "d2", { fatalities: unknownNonzero })])).toEqual(["none_vs_reported:fatalities"]);
  });

  it("sources denying what others assert: one conflict, the deniers against the asserters", () => {
    const claims = [
      attack("x", "d1", { attribution: att("Taliban spokesman", "denied") }),
      attack("y", "d2", { attribution: att("Afghan officials", "reported") }),
      attack("z", "d3", { attribution: att("Reuters", "asserted") }),
    ];
    const c = detectConflicts(ATTACK, claims);
    expect(c.map((x) => x.kind)).toEqual(["denial"]);
    expect(c[0].sides.map((s) => s.claimIds)).toEqual([["x"], ["y", "z"]]);
    expect(kinds([claims[1], claims[2]])).toEqual([]);
    expect(kinds([claims[0], attack("w", "d4", { attribution: att("Witness", "disputed") })])).toEqual([]);
  });

  it("a document contradicting itself, in separate passages", () => {
    const claims = [
      attack("x", "d1", { fatalities: qty("12"), target_type: "police" }, { spans: [{ start: 0, end: 20 }] }),
      attack("y", "d1", { fatalities: qty("30"), target_type: "civilians" }, { spans: [{ start: 500, end: 520 }] }),
    ];
    const c = detectConflicts(ATTACK, claims);
    expect(c.map((x) => `${x.kind}:${x.field}`)).toEqual(["internal:target_type", "internal:fatalities"]);
    expect(c[1].message).toContain("the document contradicts itself in document d1");
  });

  it("annotators of the same passage disagreeing, besides a conflict with another document", () => {
    const claims = [
      attack("x", "d1", { fatalities: qty("12") }, { spans: [{ start: 0, end: 20 }] }),
      attack("y", "d1", { fatalities: qty("30") }, { spans: [{ start: 10, end: 30 }] }),
      attack("z", "d2", { fatalities: qty("12") }),
    ];
    const c = detectConflicts(ATTACK, claims);
    expect(c.map((x) => x.kind)).toEqual(["figure_mismatch", "internal"]);
    expect(c[0].sides.map((s) => s.claimIds)).toEqual([["x", "z"], ["y"]]);
    expect(c[1].sides.map((s) => s.claimIds)).toEqual([["x"], ["y"]]);
    expect(c[1].message).toContain("annotators of the same passage disagree");
  });

  it("ignores empty and unknown values and agreeing claims", () => {
    const claims = [
      attack("x", "d1", { fatalities: qty("12"), claimed_by_group: "unknown", weapon: "" }),
      attack("y", "d1", { fatalities: qty("12"), claimed_by_group: "yes", weapon: "vest" }),
      attack("z", "d2", { fatalities: { raw: "", low: null, best: null, high: null, qualifier: "unknown", manual: true } }),
    ];
    expect(detectConflicts(ATTACK, claims)).toEqual([]);
  });

  it("three values in one document: one internal conflict, the first value against the others", () => {
    const claims = ["police", "civilians", "soldiers"].map((t, i) => attack(`t${i}`, "d1", { target_type: t }, { spans: [{ start: i * 100, end: i * 100 + 20 }] }));
    const c = detectConflicts(ATTACK, claims);
    expect(c.map((x) => `${x.kind}:${x.field}`)).toEqual(["internal:target_type"]);
    expect(c[0].sides.map((s) => s.claimIds)).toEqual([["t0"], ["t1", "t2"]]);
    expect(c[0].message).toContain("the document contradicts itself");
  });

  it("tells annotators of one passage from a self-contradicting document by any overlap between the sides' spans", () => {
    const claim = (id: string, target: string, start: number, end: number) => attack(id, "d1", { target_type: target }, { spans: [{ start, end }] });
    const message = (claims: ReconcileClaim[]) => detectConflicts(ATTACK, claims)[0].message;
    expect(message([claim("x", "police", 0, 10), claim("y", "civilians", 20, 30), claim("z", "civilians", 5, 6)])).toContain("annotators of the same passage disagree");
    expect(message([claim("x", "police", 0, 10), claim("y", "civilians", 10, 30)])).toContain("the document contradicts itself");
    expect(message([claim("x", "police", 10, 20), claim("y", "civilians", 10, 11)])).toContain("annotators of the same passage disagree");
    expect(message([claim("x", "police", 10, 20), claim("y", "civilians", 10, 10)])).toContain("the document contradicts itself");
    expect(message([claim("x", "police", 0, 20), claim("y", "civilians", 10, 10)])).toContain("annotators of the same passage disagree");
  });

  it("different names for one perpetrator are not a contradiction once resolved", () => {
    const claims = [attack("x", "d1", { perpetrators: [{ raw: "ISKP" }] }, { spans: [{ start: 0, end: 5 }] }), attack("y", "d1", { perpetrators: [{ raw: "IS-KP" }] }, { spans: [{ start: 90, end: 95 }] })];
    expect(kinds(claims)).toEqual([]);
    const other = [claims[0], attack("y", "d1", { perpetrators: [{ raw: "Taliban" }] }, { spans: [{ start: 90, end: 95 }] })];
    expect(kinds(other)).toEqual(["internal:perpetrators"]);
  });
});
