import { describe, expect, it } from "vitest";
import { claimAnnouncement, stepClaim } from "@/components/annotate/claim-navigation";

// Reading order: #1 attack at 10, #4 leader at 10, #2 attack at 40, #3 estimate at 90.
const claims = [
  { id: "1", typeId: "attack", start: 10 },
  { id: "4", typeId: "leader", start: 10 },
  { id: "2", typeId: "attack", start: 40 },
  { id: "3", typeId: "estimate", start: 90 },
];
const ids = (from: Parameters<typeof stepClaim>[1], dir: 1 | -1, type?: string) => {
  const s = stepClaim(claims, from, dir, type);
  return s && [s.claim.id, s.position, s.count, s.wrapped];
};

describe("stepping through claims", () => {
  it("from nowhere: the first claim forwards, the last backwards, without saying it wrapped", () => {
    expect(ids({}, 1)).toEqual(["1", 1, 4, false]);
    expect(ids({}, -1)).toEqual(["3", 4, 4, false]);
  });
  it("from a claim: its neighbours in reading order, claims at the same offset included", () => {
    expect(ids({ claimId: "1" }, 1)).toEqual(["4", 2, 4, false]);
    expect(ids({ claimId: "4" }, 1)).toEqual(["2", 3, 4, false]);
    expect(ids({ claimId: "2" }, -1)).toEqual(["4", 2, 4, false]);
  });
  it("wraps round past either end and says so", () => {
    expect(ids({ claimId: "3" }, 1)).toEqual(["1", 1, 4, true]);
    expect(ids({ claimId: "1" }, -1)).toEqual(["3", 4, 4, true]);
  });
  it("from a caret: the next claim starts at or after it, the previous one before it", () => {
    expect(ids({ offset: 10 }, 1)).toEqual(["1", 1, 4, false]);
    expect(ids({ offset: 11 }, 1)).toEqual(["2", 3, 4, false]);
    expect(ids({ offset: 40 }, -1)).toEqual(["4", 2, 4, false]);
    expect(ids({ offset: 91 }, 1)).toEqual(["1", 1, 4, true]);
    expect(ids({ offset: 5 }, -1)).toEqual(["3", 4, 4, true]);
  });
  it("a claim the list no longer holds (deleted) counts as no claim: the caret decides", () => {
    expect(ids({ claimId: "9", offset: 50 }, 1)).toEqual(["3", 4, 4, false]);
  });
  it("by type: only that type's claims, counted among themselves", () => {
    expect(ids({ claimId: "1" }, 1, "attack")).toEqual(["2", 2, 2, false]);
    expect(ids({ claimId: "4" }, 1, "attack")).toEqual(["2", 2, 2, false]);
    expect(ids({ claimId: "2" }, 1, "attack")).toEqual(["1", 1, 2, true]);
    expect(ids({ offset: 0 }, -1, "estimate")).toEqual(["3", 1, 1, true]);
    expect(stepClaim(claims, {}, 1, "none")).toBeNull();
    expect(stepClaim([], {}, 1)).toBeNull();
  });
});

describe("the announcement of a claim reached", () => {
  it("names the type, the number, the place and the quote", () => {
    expect(claimAnnouncement({ position: 2, count: 13, wrapped: false, direction: 1 }, { seq: "3", typeName: "Attack", quote: "a suicide bomber\nattacked" }, false))
      .toBe("Attack #3, 2 of 13: ‘a suicide bomber attacked’");
  });
  it("counts within the type when stepping by type, and says when it came round", () => {
    expect(claimAnnouncement({ position: 1, count: 5, wrapped: true, direction: 1 }, { seq: "7", typeName: "Attack", quote: "x" }, true))
      .toBe("Back to the first claim. Attack #7, 1 of 5 Attack claims: ‘x’");
    expect(claimAnnouncement({ position: 1, count: 1, wrapped: true, direction: -1 }, { seq: "7", typeName: "Attack", quote: "x" }, true))
      .toBe("Back to the last claim. Attack #7, 1 of 1 Attack claim: ‘x’");
  });
  it("cuts a long quote", () => {
    const text = claimAnnouncement({ position: 1, count: 1, wrapped: false, direction: 1 }, { seq: "1", typeName: "Attack", quote: "word ".repeat(40) }, false);
    expect(text.endsWith("…’")).toBe(true);
    expect(text.length).toBeLessThan(120);
  });
});
