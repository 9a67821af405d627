/**
 * Unsaved claim drafts kept in the browser, so a draft survives what the "Discard changes?" question
 * cannot catch: the browser's Back and Forward buttons, a crash, a closed tab, an expired session.
 *
 * - One draft per user, project and document (the form holds one claim at a time), under a key that
 *   names the user, so another account in the same browser never sees it; signing out clears them all.
 * - A new claim keeps everything its save needs, its idempotency key included: restoring a draft whose
 *   save got through before the page went returns that claim instead of storing a second one.
 * - An edit keeps the claim's number and id, the version it was based on and that version's values,
 *   note and evidence, so a claim changed since can be compared part by part (claim-rebase.ts) and the
 *   save still carries the old version: the server reports the conflict, nothing is overwritten.
 * - What is read back is checked (zod): a malformed entry, or one written in another format, is dropped.
 *   Storage that throws (disabled, full, private mode) only means no draft is kept.
 *
 * Plain functions over an injected store (unit tested); the page passes `localStorage`.
 */
import { z } from "zod";
import { CodePointIndex, validateSpan } from "@/lib/core/offsets";
import type { PanelState, SpanDraft } from "./types";

/** The format written now; entries written in any other format are dropped when read. */
const FORMAT = 1;
const PREFIX = "attest:claim-draft:";

/** The part of the Web Storage interface drafts use. */
export type DraftStore = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(1), exact: z.string().min(1) }).strict()
  .refine((s) => s.end > s.start, "A span ends after it starts.");
const Spans = z.array(Span).min(1).max(200);
const Values = z.record(z.string(), z.unknown());
const Note = z.string().max(5000);

const NewDraft = z.object({
  mode: z.literal("new"),
  typeId: z.string().min(1).max(100),
  spans: Spans,
  values: Values,
  startValues: Values.optional(),
  note: Note,
  idempotencyKey: z.string().min(8).max(100),
}).strict();

const EditDraft = z.object({
  mode: z.literal("edit"),
  claimId: z.string().min(1).max(100),
  seq: z.number().int().min(1),
  /** The version the edits were made on, and what it held. */
  baseVersion: z.number().int().min(1),
  base: z.object({ spans: Spans, values: Values, note: Note }).strict(),
  spans: Spans,
  values: Values,
  note: Note,
}).strict();

const StoredDraftSchema = z.object({
  format: z.literal(FORMAT),
  /** When the draft was last changed (ms since the epoch). */
  savedAt: z.number().int().min(0),
  draft: z.discriminatedUnion("mode", [NewDraft, EditDraft]),
}).strict();

export type LocalDraft = z.infer<typeof NewDraft> | z.infer<typeof EditDraft>;
export type StoredDraft = z.infer<typeof StoredDraftSchema>;

/** This browser's local storage, or null where there is none or it is disabled (reading it throws then). */
export function browserStore(): DraftStore | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The key of one user's draft on one document (each part encoded, so no id can reach into another's). */
export function draftKey(userId: string, projectId: string, documentId: string): string {
  return `${PREFIX}${[userId, projectId, documentId].map(encodeURIComponent).join(":")}`;
}

const plainSpans = (spans: SpanDraft[]) => spans.map(({ start, end, exact }) => ({ start, end, exact }));

/** What the open form holds, as it is kept. */
export function toLocalDraft(panel: PanelState): LocalDraft {
  if (panel.mode === "new") {
    const { typeId, values, startValues, note, idempotencyKey } = panel;
    return { mode: "new", typeId, spans: plainSpans(panel.spans), values, ...(startValues ? { startValues } : {}), note, idempotencyKey };
  }
  const { claim } = panel;
  return {
    mode: "edit",
    claimId: claim.id,
    seq: claim.seq,
    baseVersion: claim.version,
    base: { spans: plainSpans(claim.spans), values: claim.values, note: claim.note },
    spans: plainSpans(panel.spans),
    values: panel.values,
    note: panel.note,
  };
}

export function serializeDraft(draft: LocalDraft, savedAt: number): string {
  return JSON.stringify({ format: FORMAT, savedAt, draft } satisfies StoredDraft);
}

/** The stored draft, or null for nothing, malformed JSON, a wrong shape or another format. */
export function parseDraft(raw: string | null): StoredDraft | null {
  if (!raw) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  const r = StoredDraftSchema.safeParse(data);
  return r.success ? r.data : null;
}

/** The raw entry under `key`; a store that throws reads as empty. */
export function readRaw(store: DraftStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes a serialized draft; false when the store refused (full, disabled). */
export function writeRaw(store: DraftStore | null, key: string, raw: string): boolean {
  try {
    if (!store) return false;
    store.setItem(key, raw);
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(store: DraftStore | null, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // nothing was kept, or nothing can be removed: either way there is no draft to offer
  }
}

/** Removes every claim draft kept in this browser (signing out). */
export function clearAllDrafts(store: DraftStore | null): void {
  try {
    if (!store) return;
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k?.startsWith(PREFIX)) keys.push(k);
    }
    for (const k of keys) store.removeItem(k);
  } catch {
    // storage unavailable: nothing could have been kept in it either
  }
}

/**
 * True when every span passes the check a saved span passes (validateSpan: offsets within the text,
 * the quote what the text says there; offsets are code points). A draft that fails it is never put in
 * the form.
 */
export function spansMatchText(spans: SpanDraft[], text: string, index: CodePointIndex = new CodePointIndex(text)): boolean {
  return spans.every((s) => validateSpan(text, index, s).ok);
}
