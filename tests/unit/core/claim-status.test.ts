import { describe, expect, it } from "vitest";
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, claimStatusAt, claimStatusIndex, isClaimStatus, parseClaimStatus } from "@/lib/core/claim-status";

describe("claim status", () => {
  it("lists the four statuses in the order the packed form numbers them", () => {
    expect(CLAIM_STATUSES).toEqual(["draft", "submitted", "approved", "rejected"]);
    CLAIM_STATUSES.forEach((s, i) => {
      expect(claimStatusIndex(s)).toBe(i);
      expect(claimStatusAt(i)).toBe(s);
    });
  });

  it("has a label for every status, and no other", () => {
    expect(Object.keys(CLAIM_STATUS_LABELS).sort()).toEqual([...CLAIM_STATUSES].sort());
    expect(CLAIM_STATUS_LABELS.approved).toBe("Approved");
  });

  it("reads each status back", () => {
    for (const s of CLAIM_STATUSES) {
      expect(isClaimStatus(s)).toBe(true);
      expect(parseClaimStatus(s)).toBe(s);
    }
  });

  it.each([["Draft"], [" draft"], ["pending"], [""], [null], [undefined], [0], [["draft"]]])("refuses %j instead of calling it a draft", (v) => {
    expect(isClaimStatus(v)).toBe(false);
    expect(() => parseClaimStatus(v)).toThrow(/unknown claim status/);
  });

  it.each([[-1], [4], [1.5], [Number.NaN], [Infinity]])("refuses the code %d", (i) => {
    expect(() => claimStatusAt(i)).toThrow(/unknown claim status code/);
  });

  it("refuses to number a value that is not a status", () => {
    expect(() => claimStatusIndex("pending" as never)).toThrow(/unknown claim status/);
  });
});
