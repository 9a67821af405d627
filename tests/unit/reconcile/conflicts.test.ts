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

  it("one source denying what another asserts", () => {
    const claims = [
      attack("x", "d1", { attribution: att("Taliban spokesman", "denied") }),
      attack("y", "d2", { attribution: att("Afghan officials", "reported") }),
      attack("z", "d3", { attribution: att("Reuters", "asserted") }),
    ];
    const c = detectConflicts(ATTACK, claims);
    expect(c.map((x) => x.kind)).toEqual(["denial", "denial"]);
    expect(c[0].sides[0].claimIds).toEqual(["x"]);
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

  it("different names for one perpetrator are not a contradiction once resolved", () => {
    const claims = [attack("x", "d1", { perpetrators: [{ raw: "ISKP" }] }, { spans: [{ start: 0, end: 5 }] }), attack("y", "d1", { perpetrators: [{ raw: "IS-KP" }] }, { spans: [{ start: 90, end: 95 }] })];
    expect(kinds(claims)).toEqual([]);
    const other = [claims[0], attack("y", "d1", { perpetrators: [{ raw: "Taliban" }] }, { spans: [{ start: 90, end: 95 }] })];
    expect(kinds(other)).toEqual(["internal:perpetrators"]);
  });
});
