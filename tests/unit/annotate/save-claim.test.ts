import { describe, expect, it } from "vitest";
import { ATTACK } from "@/lib/core/claim-types";
import { AppError, type ActionResult } from "@/lib/errors";
import { callAction, createInput, draftFingerprint, newIdempotencyKey, savedWithoutDraft, spansChanged, statusOf, updateInput } from "@/components/annotate/save-claim";
import type { FullClaim, PanelState } from "@/components/annotate/types";

const stored: FullClaim = {
  id: "c1", seq: 1, documentId: "d", claimTypeId: "t", claimTypeVersion: 1, values: { target: "a school", weapon: "bomb" }, note: "n",
  status: "draft", authorId: "u", authorName: "Ann", version: 3, createdAt: new Date(0), updatedAt: new Date(0),
  spans: [{ start: 10, end: 20, exact: "0123456789", prefix: "", suffix: "" }, { start: 30, end: 35, exact: "abcde", prefix: "", suffix: "" }],
};
const edit = (over: Partial<Extract<PanelState, { mode: "edit" }>> = {}): Extract<PanelState, { mode: "edit" }> => ({
  mode: "edit", claim: stored, definition: ATTACK, spans: stored.spans.map(({ start, end, exact }) => ({ start, end, exact })), values: stored.values, note: stored.note, ...over,
});

describe("callAction", () => {
  it("passes results through, refusals included", async () => {
    expect(await callAction(async () => ({ ok: true, data: 1 }))).toEqual({ ok: true, data: 1 });
    const refused: ActionResult<number> = { ok: false, error: { code: "conflict", message: "theirs first" } };
    expect(await callAction(async () => refused)).toEqual(refused);
  });
  it("turns a rejected call, a thrown error or an answer that is not a result into a network failure", async () => {
    for (const call of [
      () => Promise.reject(new TypeError("Failed to fetch")),
      () => { throw new AppError("internal"); },
      async () => undefined as unknown as ActionResult<number>,
      async () => ({ ok: false }) as unknown as ActionResult<number>,
    ]) {
      const res = await callAction(call, "Not saved — retry");
      expect(res).toEqual({ ok: false, error: { code: "network", message: "Not saved — retry" } });
    }
  });
  it("offers Retry for a network failure only", () => {
    expect(statusOf({ code: "network", message: "m" }, "save")).toEqual({ message: "m", kind: "network", retry: "save" });
    expect(statusOf({ code: "conflict", message: "m" }, "save")).toEqual({ message: "m", kind: "conflict" });
    expect(statusOf({ code: "invalid", message: "m" }, "delete")).toEqual({ message: "m", kind: "error" });
  });
});

describe("the write inputs", () => {
  it("a new claim carries its draft's key, the same on every attempt", () => {
    const panel: Extract<PanelState, { mode: "new" }> = { mode: "new", typeId: "t", spans: [{ start: 1, end: 4, exact: "abc" }], values: {}, note: "", idempotencyKey: newIdempotencyKey() };
    const first = createInput(panel, "d");
    const retry = createInput({ ...panel, note: "edited" }, "d");
    expect(first.idempotencyKey).toBe(panel.idempotencyKey);
    expect(retry.idempotencyKey).toBe(first.idempotencyKey);
    expect(first.idempotencyKey.length).toBeGreaterThanOrEqual(8);
    expect(newIdempotencyKey()).not.toBe(panel.idempotencyKey);
  });
  it("an update leaves the spans out unless they changed, and sends them without extra keys when they did", () => {
    expect(updateInput(edit({ values: { target: "a mosque" } }))).toEqual({ claimId: "c1", version: 3, values: { target: "a mosque" }, note: "n" });
    // The same spans in another order are no change.
    expect(updateInput(edit({ spans: [...edit().spans].reverse() }))).not.toHaveProperty("spans");
    const moved = updateInput(edit({ spans: [{ start: 10, end: 21, exact: "0123456789x" }] }));
    expect(moved.spans).toEqual([{ start: 10, end: 21, exact: "0123456789x" }]);
  });
  it("spansChanged compares offsets as a set", () => {
    expect(spansChanged([{ start: 1, end: 2 }], [{ start: 1, end: 2 }])).toBe(false);
    expect(spansChanged([{ start: 1, end: 2 }], [{ start: 1, end: 3 }])).toBe(true);
    expect(spansChanged([{ start: 1, end: 2 }], [{ start: 1, end: 2 }, { start: 5, end: 6 }])).toBe(true);
  });
});

describe("savedWithoutDraft", () => {
  const draft = { spans: edit().spans, values: stored.values, note: stored.note };
  it("is false when the saved claim holds the draft (derived fields aside)", () => {
    expect(savedWithoutDraft(stored, draft, ATTACK)).toBe(false);
    expect(draftFingerprint(draft)).toBe(draftFingerprint({ ...draft }));
  });
  it("is true when a field, the note or the evidence of the draft is missing from it", () => {
    expect(savedWithoutDraft(stored, { ...draft, values: { ...draft.values, weapon: "rifle" } }, ATTACK)).toBe(true);
    expect(savedWithoutDraft(stored, { ...draft, note: "later" }, ATTACK)).toBe(true);
    expect(savedWithoutDraft(stored, { ...draft, spans: draft.spans.slice(1) }, ATTACK)).toBe(true);
    expect(draftFingerprint(draft)).not.toBe(draftFingerprint({ ...draft, note: "later" }));
  });
});
