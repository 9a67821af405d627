import { describe, expect, it } from "vitest";
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, REVIEW_ACTIONS, claimStatusAt, claimStatusIndex, isClaimStatus, parseClaimStatus, reviewTransition, statusAfterEdit } from "@/lib/core/claim-status";

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

describe("review transitions", () => {
  const annotator = { reviewer: false, author: true, selfApproval: false };
  const editor = { reviewer: true, author: false, selfApproval: false };
  const editorOwn = { reviewer: true, author: true, selfApproval: false };
  const editorOwnAllowed = { reviewer: true, author: true, selfApproval: true };

  it("lets the author submit a draft or a reworked rejected claim, and nobody else", () => {
    expect(reviewTransition("draft", "submit", annotator)).toEqual({ ok: true, to: "submitted" });
    expect(reviewTransition("rejected", "submit", annotator)).toEqual({ ok: true, to: "submitted" });
    expect(reviewTransition("draft", "submit", editor)).toMatchObject({ ok: false, reason: "role" });
    expect(reviewTransition("submitted", "submit", annotator)).toMatchObject({ ok: false, reason: "state" });
    expect(reviewTransition("approved", "submit", annotator)).toMatchObject({ ok: false, reason: "state" });
  });

  it("lets only reviewers approve or reject a submitted claim", () => {
    expect(reviewTransition("submitted", "approve", editor)).toEqual({ ok: true, to: "approved" });
    expect(reviewTransition("submitted", "reject", editor, "wrong date")).toEqual({ ok: true, to: "rejected" });
    expect(reviewTransition("submitted", "approve", { ...annotator, author: false })).toMatchObject({ ok: false, reason: "role" });
    expect(reviewTransition("draft", "approve", editor)).toMatchObject({ ok: false, reason: "state" });
    expect(reviewTransition("approved", "reject", editor, "x")).toMatchObject({ ok: false, reason: "state" });
  });

  it("needs a reason to reject", () => {
    expect(reviewTransition("submitted", "reject", editor)).toMatchObject({ ok: false, reason: "reason_required" });
    expect(reviewTransition("submitted", "reject", editor, "   ")).toMatchObject({ ok: false, reason: "reason_required" });
  });

  it("keeps reviewers from deciding on their own claims unless the project allows it", () => {
    expect(reviewTransition("submitted", "approve", editorOwn)).toMatchObject({ ok: false, reason: "own_claim" });
    expect(reviewTransition("submitted", "reject", editorOwn, "x")).toMatchObject({ ok: false, reason: "own_claim" });
    expect(reviewTransition("submitted", "approve", editorOwnAllowed)).toEqual({ ok: true, to: "approved" });
  });

  it("lets a reviewer reopen an approved or rejected claim", () => {
    expect(reviewTransition("approved", "reopen", editor)).toEqual({ ok: true, to: "submitted" });
    expect(reviewTransition("rejected", "reopen", editorOwn)).toEqual({ ok: true, to: "submitted" });
    expect(reviewTransition("submitted", "reopen", editor)).toMatchObject({ ok: false, reason: "state" });
    expect(reviewTransition("approved", "reopen", annotator)).toMatchObject({ ok: false, reason: "role" });
  });

  it("returns an edited approved claim to submitted and leaves other states alone", () => {
    expect(statusAfterEdit("approved")).toBe("submitted");
    for (const s of ["draft", "submitted", "rejected"] as const) expect(statusAfterEdit(s)).toBe(s);
  });

  it("covers every action from every state with an answer", () => {
    for (const s of CLAIM_STATUSES) for (const a of REVIEW_ACTIONS) {
      const r = reviewTransition(s, a, editorOwnAllowed, "because");
      if (r.ok) expect(CLAIM_STATUSES).toContain(r.to);
      else expect(r.message.length).toBeGreaterThan(0);
    }
  });
});
