"use client";
/**
 * "Unsaved claim from 14:32": offers back a claim draft kept in this browser (local-draft.ts) when the
 * document page opens, with Restore and Discard. The notice sits in a polite live region that is in the
 * page from the start, so its appearing is announced; it is shown only once the page runs in the
 * browser (the server knows nothing of the draft).
 */
import { useMemo, useSyncExternalStore } from "react";
import { quotePreview } from "@/lib/core/offsets";
import { browserStore, draftKey, parseDraft, readRaw, removeDraft, writeRaw, type StoredDraft } from "./local-draft";

/** Tells this tab's readers that a draft was written or removed (the `storage` event only reaches other tabs). */
const CHANGED = "attest:claim-draft-changed";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** The user's stored draft on this document (raw, to tell it from one this page wrote, and parsed). */
export function useStoredDraft(userId: string, projectId: string, documentId: string) {
  const key = useMemo(() => draftKey(userId, projectId, documentId), [userId, projectId, documentId]);
  const raw = useSyncExternalStore(subscribe, () => readRaw(browserStore(), key), () => null);
  const draft = useMemo(() => parseDraft(raw), [raw]);
  return { key, raw: draft ? raw : null, draft };
}

/** Keeps a serialized draft under `key`; false when the browser refused. */
export function keepDraft(key: string, raw: string): boolean {
  const ok = writeRaw(browserStore(), key, raw);
  window.dispatchEvent(new Event(CHANGED));
  return ok;
}

export function dropDraft(key: string): void {
  removeDraft(browserStore(), key);
  window.dispatchEvent(new Event(CHANGED));
}

function when(savedAt: number): string {
  const d = new Date(savedAt);
  const time = d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  return d.toDateString() === new Date().toDateString() ? time : `${d.toLocaleDateString(undefined, { day: "numeric", month: "short" })} ${time}`;
}

export function DraftRestoreNotice(props: {
  /** The draft to offer, or null (the live region stays, empty). */
  stored: StoredDraft | null;
  /** The claim type's name (a new claim's, or the edited claim's when it is in the list). */
  typeName?: string;
  /** Why the draft could not be restored, shown with it. */
  problem?: string | null;
  busy?: boolean;
  onRestore(): void;
  onDiscard(): void;
}) {
  const { stored } = props;
  const draft = stored?.draft;
  const quote = draft?.spans[0] ? `‘${quotePreview(draft.spans[0].exact, 60)}’` : "";
  const what = !draft ? "" : draft.mode === "new"
    ? `New ${props.typeName ?? "claim"} on ${quote}`
    : `Changes to ${props.typeName ?? "claim"} #${draft.seq} on ${quote}`;
  return (
    <div role="status" aria-live="polite" className="draft-restore" data-testid="draft-restore-region">
      {stored && draft && (
        <div className="notice draft-notice" data-testid="draft-notice">
          <p id="draft-notice-h"><strong>Unsaved claim from {when(stored.savedAt)}:</strong> {what}</p>
          {props.problem && <p className="error small" data-testid="draft-problem">{props.problem}</p>}
          <div className="inline">
            <button type="button" onClick={props.onRestore} disabled={props.busy} aria-describedby="draft-notice-h" data-testid="draft-restore">Restore</button>
            <button type="button" className="secondary" onClick={props.onDiscard} disabled={props.busy} aria-describedby="draft-notice-h" data-testid="draft-discard">Discard</button>
          </div>
        </div>
      )}
    </div>
  );
}
