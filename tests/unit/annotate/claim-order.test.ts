import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { byStart, insertSorted, toPaintClaim } from "@/components/annotate/claim-order";
import type { CompactClaim } from "@/components/annotate/types";

const claim = (id: string, start: number): CompactClaim => ({ id, typeId: "t", authorId: "a", status: "draft", version: 1, spans: [[start, start + 3]] });

describe("claim order", () => {
  it("insertSorted keeps the list in reading order, like a full sort", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(1000)), { maxLength: 40 }), (items) => {
      let list: CompactClaim[] = [];
      const all = items.map(([start, n], i) => claim(String(n * 100 + i), start));
      for (const c of all) list = insertSorted(list, c);
      expect(list.map((c) => c.id)).toEqual([...all].sort(byStart).map((c) => c.id));
    }));
  });
  it("orders by first offset, then by claim number as a number", () => {
    expect([claim("10", 5), claim("9", 5), claim("1", 2)].sort(byStart).map((c) => c.id)).toEqual(["1", "9", "10"]);
  });
  it("derives a paint form once per claim object", () => {
    const c = claim("1", 0);
    const a = toPaintClaim(c, { key: "attack", color: "#ff0000" });
    expect(toPaintClaim(c, { key: "attack", color: "#ff0000" })).toBe(a);
    expect(a).toEqual({ id: "1", typeKey: "attack", color: "#ff0000", spans: [{ start: 0, end: 3 }] });
  });
  it("carries the type's underline style into the paint form", () => {
    expect(toPaintClaim(claim("2", 0), { key: "attack", color: "#ff0000", underline: "dashed" })).toMatchObject({ typeKey: "attack", underline: "dashed" });
  });
});
