import { describe, expect, it } from "vitest";
import { ATTACK } from "@/lib/core/claim-types";
import { CodePointIndex } from "@/lib/core/offsets";
import {
  clearAllDrafts, draftKey, parseDraft, readRaw, removeDraft, serializeDraft, spansMatchText, toLocalDraft, writeRaw, type DraftStore,
} from "@/components/annotate/local-draft";
import type { FullClaim, PanelState } from "@/components/annotate/types";

/** An in-memory Web Storage. */
function memoryStore(): DraftStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() { return data.size; },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  };
}

/** A store that throws on every call, as a disabled or full one does. */
const brokenStore: DraftStore = {
  get length(): number { throw new Error("SecurityError"); },
  key() { throw new Error("SecurityError"); },
  getItem() { throw new Error("SecurityError"); },
  setItem() { throw new Error("QuotaExceededError"); },
  removeItem() { throw new Error("SecurityError"); },
};

const stored: FullClaim = {
  id: "c1", seq: 4, documentId: "d", claimTypeId: "t", claimTypeVersion: 1,
  values: { perpetrators: [{ raw: "ISKP" }] }, note: "first", status: "draft", authorId: "u", authorName: "Ann", version: 3,
  createdAt: new Date(0), updatedAt: new Date(0),
  spans: [{ start: 10, end: 20, exact: "0123456789", prefix: "p", suffix: "s" }],
};
const fresh: PanelState = {
  mode: "new", typeId: "t", spans: [{ start: 4, end: 9, exact: "words" }], values: { weapon: "rifle", fatalities: { raw: "at least 12", low: 12 } },
  startValues: { country: "AF" }, note: "check", idempotencyKey: "key-12345",
};
const edit: PanelState = {
  mode: "edit", claim: stored, definition: ATTACK, spans: [{ start: 10, end: 20, exact: "0123456789" }, { start: 30, end: 35, exact: "abcde" }],
  values: { perpetrators: [{ raw: "Taliban" }] }, note: "changed",
};

describe("draftKey", () => {
  it("names the user, project and document, so no account reads another's draft", () => {
    expect(draftKey("u1", "p", "d")).not.toBe(draftKey("u2", "p", "d"));
    expect(draftKey("u1", "p", "d")).not.toBe(draftKey("u1", "p", "d2"));
    // An id holding the separator cannot reach another key.
    expect(draftKey("a:b", "c", "d")).not.toBe(draftKey("a", "b:c", "d"));
  });
});

describe("serialize and parse", () => {
  it("keeps a new claim exactly, idempotency key and start values included", () => {
    const back = parseDraft(serializeDraft(toLocalDraft(fresh), 1_700_000_000_000));
    expect(back).toEqual({
      format: 1, savedAt: 1_700_000_000_000,
      draft: { mode: "new", typeId: "t", spans: [{ start: 4, end: 9, exact: "words" }], values: fresh.values, startValues: { country: "AF" }, note: "check", idempotencyKey: "key-12345" },
    });
  });

  it("keeps an edit with the version it was based on and what that version held", () => {
    const back = parseDraft(serializeDraft(toLocalDraft(edit), 5));
    expect(back?.draft).toEqual({
      mode: "edit", claimId: "c1", seq: 4, baseVersion: 3,
      base: { spans: [{ start: 10, end: 20, exact: "0123456789" }], values: stored.values, note: "first" },
      spans: edit.spans, values: { perpetrators: [{ raw: "Taliban" }] }, note: "changed",
    });
  });

  it("leaves out a new claim's start values when the form had none", () => {
    const { startValues: _unused, ...bare } = fresh as Extract<PanelState, { mode: "new" }>;
    const back = parseDraft(serializeDraft(toLocalDraft(bare), 5));
    expect(back?.draft).not.toHaveProperty("startValues");
  });

  it("drops nothing stored, malformed JSON, a wrong shape and another format", () => {
    const good = JSON.parse(serializeDraft(toLocalDraft(fresh), 5)) as { format: number; draft: Record<string, unknown> };
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft("")).toBeNull();
    expect(parseDraft("{not json")).toBeNull();
    expect(parseDraft("42")).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, format: 2 }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, draft: { ...good.draft, mode: "other" } }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, draft: { ...good.draft, spans: [] } }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, draft: { ...good.draft, spans: [{ start: 9, end: 4, exact: "x" }] } }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, draft: { ...good.draft, idempotencyKey: "short" } }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, draft: { ...good.draft, extra: true } }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...good, savedAt: "today" }))).toBeNull();
    expect(parseDraft(JSON.stringify(good))).not.toBeNull();
  });
});

describe("storage access", () => {
  it("writes, reads and removes one document's draft", () => {
    const store = memoryStore();
    const key = draftKey("u", "p", "d");
    const raw = serializeDraft(toLocalDraft(fresh), 5);
    expect(writeRaw(store, key, raw)).toBe(true);
    expect(readRaw(store, key)).toBe(raw);
    expect(readRaw(store, draftKey("other", "p", "d"))).toBeNull();
    removeDraft(store, key);
    expect(readRaw(store, key)).toBeNull();
  });

  it("treats a store that throws, or none, as holding nothing", () => {
    expect(readRaw(brokenStore, "k")).toBeNull();
    expect(writeRaw(brokenStore, "k", "v")).toBe(false);
    expect(writeRaw(null, "k", "v")).toBe(false);
    expect(() => removeDraft(brokenStore, "k")).not.toThrow();
    expect(() => clearAllDrafts(brokenStore)).not.toThrow();
  });

  it("clears every claim draft on signing out and leaves other entries alone", () => {
    const store = memoryStore();
    writeRaw(store, draftKey("u1", "p", "d"), "a");
    writeRaw(store, draftKey("u1", "p", "d2"), "b");
    writeRaw(store, draftKey("u2", "p", "d"), "c");
    store.setItem("theme", "dark");
    clearAllDrafts(store);
    expect([...store.data.keys()]).toEqual(["theme"]);
  });
});

describe("spansMatchText", () => {
  const text = "Before 🙂 the attack on a school";
  it("accepts spans whose quote is the text at their code point offsets", () => {
    expect(spansMatchText([{ start: 9, end: 19, exact: "the attack" }], text)).toBe(true);
    expect(spansMatchText([{ start: 7, end: 8, exact: "🙂" }], text, new CodePointIndex(text))).toBe(true);
  });
  it("refuses a quote that differs and offsets past the end", () => {
    expect(spansMatchText([{ start: 9, end: 19, exact: "the attacks" }], text)).toBe(false);
    expect(spansMatchText([{ start: 9, end: 19, exact: "the attack" }, { start: 30, end: 40, exact: "school" }], text)).toBe(false);
    expect(spansMatchText([{ start: 25, end: 31, exact: "school" }], text)).toBe(true);
    expect(spansMatchText([{ start: 25, end: 32, exact: "school" }], text)).toBe(false);
  });
});
