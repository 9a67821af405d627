import { describe, expect, it } from "vitest";
import { ATTACK, SIZE_ESTIMATE } from "@/lib/core/claim-types";
import { draftChanged, sameFilledValue } from "@/components/annotate/dirty-draft";
import type { FullClaim, PanelState } from "@/components/annotate/types";

const stored: FullClaim = {
  id: "c1", seq: 1, documentId: "d", claimTypeId: "t", claimTypeVersion: 1,
  values: { target: "a school", perpetrators: [{ raw: "ISKP" }], fatalities: { raw: "at least 12", low: 12 } }, note: "n",
  status: "draft", authorId: "u", authorName: "Ann", version: 3, createdAt: new Date(0), updatedAt: new Date(0),
  spans: [{ start: 10, end: 20, exact: "0123456789", prefix: "", suffix: "" }, { start: 30, end: 35, exact: "abcde", prefix: "", suffix: "" }],
};
const edit = (over: Partial<Extract<PanelState, { mode: "edit" }>> = {}): Extract<PanelState, { mode: "edit" }> => ({
  mode: "edit", claim: stored, definition: ATTACK, spans: stored.spans.map(({ start, end, exact }) => ({ start, end, exact })), values: { ...stored.values }, note: stored.note, ...over,
});
const fresh = (over: Partial<Extract<PanelState, { mode: "new" }>> = {}): Extract<PanelState, { mode: "new" }> => ({
  mode: "new", typeId: "t", spans: [{ start: 4, end: 9, exact: "words" }], values: {}, note: "", idempotencyKey: "key-12345", ...over,
});

describe("sameFilledValue", () => {
  it("treats every empty value as not filled in", () => {
    for (const [a, b] of [[undefined, ""], [null, []], ["", undefined], [[], null]] as const) expect(sameFilledValue(a, b)).toBe(true);
  });
  it("compares filled values by content, whatever the key order", () => {
    expect(sameFilledValue({ raw: "12", low: 12 }, { low: 12, raw: "12" })).toBe(true);
    expect(sameFilledValue({ raw: "12", low: 12 }, { raw: "12", low: 13 })).toBe(false);
    expect(sameFilledValue("a", undefined)).toBe(false);
    expect(sameFilledValue(undefined, ["ISKP"])).toBe(false);
  });
});

describe("draftChanged: a stored claim", () => {
  it("is unchanged as loaded", () => {
    expect(draftChanged(edit(), ATTACK)).toBe(false);
  });
  it("is changed by a field, the note or the evidence", () => {
    expect(draftChanged(edit({ values: { ...stored.values, weapon: "bomb" } }), ATTACK)).toBe(true);
    expect(draftChanged(edit({ values: { ...stored.values, target: "a clinic" } }), ATTACK)).toBe(true);
    expect(draftChanged(edit({ values: { target: "a school", perpetrators: [{ raw: "ISKP" }] } }), ATTACK)).toBe(true); // a field emptied
    expect(draftChanged(edit({ note: "n." }), ATTACK)).toBe(true);
    expect(draftChanged(edit({ spans: [{ start: 10, end: 20, exact: "0123456789" }] }), ATTACK)).toBe(true);
  });
  it("is unchanged when an edit was undone by hand, or only the order of its evidence differs", () => {
    expect(draftChanged(edit({ values: { ...stored.values, weapon: "" } }), ATTACK)).toBe(false);
    expect(draftChanged(edit({ spans: [...edit().spans].reverse() }), ATTACK)).toBe(false);
  });
  it("ignores derived fields, which the server sets", () => {
    const claim: FullClaim = { ...stored, values: { estimate: { raw: "2,000 fighters", low: 2000, high: 2000, unit: "fighters" }, size_bin: "1000-4999" } };
    const panel = edit({ claim, definition: SIZE_ESTIMATE, values: { estimate: claim.values.estimate } });
    expect(draftChanged(panel, SIZE_ESTIMATE)).toBe(false);
  });
  it("compares with the version it was last rebased on", () => {
    const theirs: FullClaim = { ...stored, version: 4, note: "theirs" };
    expect(draftChanged(edit({ claim: theirs, note: "theirs" }), ATTACK)).toBe(false);
    expect(draftChanged(edit({ claim: theirs }), ATTACK)).toBe(true);
  });
});

describe("draftChanged: a new claim", () => {
  it("is unchanged with only the evidence it was opened with", () => {
    expect(draftChanged(fresh(), ATTACK)).toBe(false);
    expect(draftChanged(fresh({ values: { weapon: "", perpetrators: undefined } }), ATTACK)).toBe(false);
  });
  it("is changed by a field, the note or more evidence", () => {
    expect(draftChanged(fresh({ values: { weapon: "bomb" } }), ATTACK)).toBe(true);
    expect(draftChanged(fresh({ values: { attack_type: ["suicide_bombing"] } }), ATTACK)).toBe(true);
    expect(draftChanged(fresh({ note: " " }), ATTACK)).toBe(true);
    expect(draftChanged(fresh({ spans: [{ start: 4, end: 9, exact: "words" }, { start: 20, end: 25, exact: "more." }] }), ATTACK)).toBe(true);
  });
  it("is unchanged with only the project's field defaults it was opened with, changed once one differs", () => {
    const defaults = { perpetrators: [{ raw: "ISKP" }] };
    expect(draftChanged(fresh({ values: { ...defaults }, startValues: defaults }), ATTACK)).toBe(false);
    expect(draftChanged(fresh({ values: { perpetrators: [{ raw: "IS-K" }] }, startValues: defaults }), ATTACK)).toBe(true);
    expect(draftChanged(fresh({ values: {}, startValues: defaults }), ATTACK)).toBe(true); // the default cleared
    expect(draftChanged(fresh({ values: { ...defaults, weapon: "bomb" }, startValues: defaults }), ATTACK)).toBe(true);
    // Without the defaults it was opened with, the same values are the annotator's own.
    expect(draftChanged(fresh({ values: { ...defaults } }), ATTACK)).toBe(true);
  });
});
