import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { filterPackedByAuthor, packClaims, unpackClaims, type UnpackedClaim } from "@/lib/core/packed-claims";
import { CLAIM_STATUSES } from "@/lib/core/claim-status";

const claim = fc.record({
  id: fc.uuid(),
  typeId: fc.constantFrom("t1", "t2", "t3"),
  authorId: fc.constantFrom("a", "b"),
  status: fc.constantFrom(...CLAIM_STATUSES),
  version: fc.integer({ min: 1, max: 50 }),
  spans: fc.array(fc.tuple(fc.nat(10_000), fc.nat(10_000)).map(([a, b]) => [Math.min(a, b), Math.max(a, b) + 1] as [number, number]), { minLength: 1, maxLength: 4 }),
}) as fc.Arbitrary<UnpackedClaim>;

describe("packed claims", () => {
  it("round-trips any list of claims exactly, in order", () => {
    fc.assert(fc.property(fc.array(claim, { maxLength: 40 }), (claims) => {
      expect(unpackClaims(packClaims(claims))).toEqual(claims);
    }));
  });
  it("unpacks only the first claims when given a limit, the same as slicing the whole list", () => {
    fc.assert(fc.property(fc.array(claim, { maxLength: 30 }), fc.integer({ min: -2, max: 40 }), (claims, limit) => {
      expect(unpackClaims(packClaims(claims), limit)).toEqual(claims.slice(0, Math.max(0, limit)));
    }));
  });
  it("refuses an id that would break the joined form", () => {
    expect(() => packClaims([{ id: "a,b", typeId: "t", authorId: "a", status: "draft", version: 1, spans: [[0, 1]] }])).toThrow(/comma/);
  });
  it("refuses to pack a status it does not know", () => {
    const bad = { id: "1", typeId: "t", authorId: "a", status: "pending", version: 1, spans: [[0, 1]] } as unknown as UnpackedClaim;
    expect(() => packClaims([bad])).toThrow(/unknown claim status/);
  });
  it.each([[4], [-1]])("fails loudly on a status code %i outside the list, in a column or as the constant", (code) => {
    const ok = { id: "1", typeId: "t", authorId: "a", status: "approved", version: 1, spans: [[0, 1]] } as UnpackedClaim;
    const p = packClaims([ok, { ...ok, id: "2", status: "draft" }]);
    expect(unpackClaims(p).map((c) => c.status)).toEqual(["approved", "draft"]);
    expect(() => unpackClaims({ ...p, status: [2, code] })).toThrow(/unknown claim status code/);
    expect(() => unpackClaims({ ...p, status: { all: code } })).toThrow(/unknown claim status code/);
    // A limit that stops before the bad entry decodes only what it returns.
    expect(unpackClaims({ ...p, status: [2, code] }, 1).map((c) => c.status)).toEqual(["approved"]);
  });
  it("stores each type and author once", () => {
    const p = packClaims([
      { id: "1", typeId: "t", authorId: "a", status: "draft", version: 1, spans: [[0, 1]] },
      { id: "2", typeId: "t", authorId: "a", status: "approved", version: 2, spans: [[3, 4], [8, 9]] },
    ]);
    expect(p).toMatchObject({ typeIds: ["t"], authorIds: ["a"], count: 2, ids: "1,2", type: { all: 0 }, author: { all: 0 }, status: [0, 2], spanCount: [1, 2] });
    // starts as deltas from the previous span's start, ends as lengths
    expect(p.spans).toEqual([0, 1, 3, 1, 5, 1]);
  });
});

describe("filterPackedByAuthor", () => {
  const authorArb = fc.constantFrom("a", "b", "c");
  it("keeps exactly the author's claims, in order, for any list and any author", () => {
    fc.assert(fc.property(fc.array(claim, { maxLength: 40 }), authorArb, (claims, who) => {
      const kept = filterPackedByAuthor(packClaims(claims), who);
      const expected = claims.filter((c) => c.authorId === who);
      expect(unpackClaims(kept)).toEqual(expected);
      expect(kept.count).toBe(expected.length);
    }));
  });
  it("never names another author in the packed form it returns", () => {
    fc.assert(fc.property(fc.array(claim, { maxLength: 40 }), (claims) => {
      const kept = filterPackedByAuthor(packClaims(claims), "a");
      expect(kept.authorIds.every((id) => id === "a")).toBe(true);
    }));
  });
  it("re-encodes span offsets when claims in between are dropped", () => {
    const p = packClaims([
      { id: "1", typeId: "t", authorId: "a", status: "draft", version: 1, spans: [[0, 2]] },
      { id: "2", typeId: "u", authorId: "b", status: "submitted", version: 3, spans: [[5, 7]] },
      { id: "3", typeId: "t", authorId: "a", status: "draft", version: 1, spans: [[10, 12]] },
    ]);
    const onlyA = filterPackedByAuthor(p, "a");
    expect(onlyA).toMatchObject({ typeIds: ["t"], authorIds: ["a"], count: 2, ids: "1,3", spans: [0, 2, 10, 2] });
    const onlyB = filterPackedByAuthor(p, "b");
    expect(unpackClaims(onlyB)).toEqual([{ id: "2", typeId: "u", authorId: "b", status: "submitted", version: 3, spans: [[5, 7]] }]);
  });
  it("answers an empty list for an author with no claims, and for an empty list", () => {
    const p = packClaims([{ id: "1", typeId: "t", authorId: "a", status: "draft", version: 1, spans: [[0, 1]] }]);
    expect(filterPackedByAuthor(p, "z")).toMatchObject({ count: 0, ids: "", authorIds: [], typeIds: [], spans: [] });
    expect(unpackClaims(filterPackedByAuthor(packClaims([]), "a"))).toEqual([]);
  });
});
