import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildLabelUnits, normalizeSpans, overlapSize } from "@/lib/core/agreement";
import { unitHasType, unitLabel, NONE_LABEL } from "@/lib/core/agreement/label-units";
import { claim } from "./claims";

describe("buildLabelUnits", () => {
  it("groups overlapping evidence of all annotators into one unit, per annotator column", () => {
    const claims = [
      claim("A", "attack", [[0, 10]]),
      claim("B", "attack", [[5, 15]]),
      claim("C", "leader_change", [[14, 20]]), // overlaps B only: joins by chaining
      claim("A", "attack", [[30, 40]]),
    ];
    const units = buildLabelUnits(claims, ["A", "B", "C"]);
    expect(units).toEqual([
      { start: 0, end: 20, types: [["attack"], ["attack"], ["leader_change"]], claimIds: [claims[0].claimId, claims[1].claimId, claims[2].claimId] },
      { start: 30, end: 40, types: [["attack"], [], []], claimIds: [claims[3].claimId] },
    ]);
  });
  it("does not join touching spans, and joins a multi-span claim's stretches", () => {
    const units = buildLabelUnits([
      claim("A", "attack", [[0, 10]]),
      claim("B", "attack", [[10, 20]]),
      claim("C", "attack", [[2, 3], [15, 16]]),
    ], ["A", "B", "C"]);
    expect(units).toHaveLength(1);
    const apart = buildLabelUnits([claim("A", "attack", [[0, 10]]), claim("B", "attack", [[10, 20]])], ["A", "B"]);
    expect(apart.map((u) => [u.start, u.end])).toEqual([[0, 10], [10, 20]]);
  });
  it("lists several types of one annotator once each, sorted", () => {
    const units = buildLabelUnits([
      claim("A", "size_estimate", [[0, 10]]),
      claim("A", "attack", [[2, 8]]),
      claim("A", "attack", [[3, 4]]),
    ], ["A"]);
    expect(units[0].types).toEqual([["attack", "size_estimate"]]);
  });
  it("keeps interleaved but non-overlapping claims in separate units", () => {
    const a = claim("A", "attack", [[0, 1], [2, 3]]);
    const b = claim("B", "attack", [[1, 2], [3, 4]]);
    expect(buildLabelUnits([a, b], ["A", "B"]).map((u) => u.claimIds)).toEqual([[a.claimId], [b.claimId]]);
  });
  it("leaves out claims of annotators not listed and claims without evidence", () => {
    expect(buildLabelUnits([claim("Z", "attack", [[0, 5]]), claim("A", "attack", [])], ["A"])).toEqual([]);
  });
  it("puts every claim in one unit, overlapping claims in the same one, and interleaved groups apart", () => {
    const arb = fc.array(fc.tuple(fc.constantFrom("A", "B"), fc.array(fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 2 })), { maxLength: 10 });
    fc.assert(fc.property(arb, (list) => {
      const claims = list.map(([who, spans]) => claim(who, "attack", spans.map(([s, n]) => [s, s + n])));
      const units = buildLabelUnits(claims, ["A", "B"]);
      const unitOf = (c: (typeof claims)[number]) => units.findIndex((u) => u.claimIds.includes(c.claimId));
      expect(units.flatMap((u) => u.claimIds).sort()).toEqual(claims.map((c) => c.claimId).sort());
      for (const x of claims) for (const y of claims) {
        if (overlapSize(normalizeSpans(x.spans), normalizeSpans(y.spans)) > 0) expect(unitOf(x)).toBe(unitOf(y));
      }
      // Each unit is connected: its claims cannot be split into two groups that share no code point.
      for (const u of units) {
        const members = claims.filter((c) => u.claimIds.includes(c.claimId));
        const reached = new Set([members[0].claimId]);
        for (let grew = true; grew;) {
          grew = false;
          for (const x of members) for (const y of members) {
            if (reached.has(x.claimId) && !reached.has(y.claimId) && overlapSize(normalizeSpans(x.spans), normalizeSpans(y.spans)) > 0) {
              reached.add(y.claimId);
              grew = true;
            }
          }
        }
        expect(reached.size).toBe(members.length);
      }
      for (let i = 1; i < units.length; i++) expect(units[i].start).toBeGreaterThanOrEqual(units[i - 1].start);
    }));
  });
});

describe("unit values", () => {
  it("names one type, combines several, and treats none as a category or as missing", () => {
    expect(unitLabel(["attack"], "none")).toBe("attack");
    expect(unitLabel(["attack", "size_estimate"], "none")).toBe("attack+size_estimate");
    expect(unitLabel([], "none")).toBe(NONE_LABEL);
    expect(unitLabel([], "missing")).toBeNull();
  });
  it("reduces a unit to the presence of one type", () => {
    expect(unitHasType(["attack", "size_estimate"], "attack", "none")).toBe("attack");
    expect(unitHasType(["size_estimate"], "attack", "missing")).toBe(NONE_LABEL);
    expect(unitHasType([], "attack", "none")).toBe(NONE_LABEL);
    expect(unitHasType([], "attack", "missing")).toBeNull();
  });
});
