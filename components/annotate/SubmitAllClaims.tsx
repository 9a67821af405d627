"use client";
/**
 * "Submit all my claims on this document": sends every draft or rejected claim the member wrote on
 * the document for review at once (other members' claims are never touched), and says how many went.
 */
import { useState } from "react";
import { submitDocumentClaimsAction } from "@/lib/actions/review";

export function SubmitAllClaims({ projectId, documentId, onSubmitted }: { projectId: string; documentId: string; onSubmitted?(count: number): void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function submitAll() {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const r = await submitDocumentClaimsAction(projectId, { documentId });
    setBusy(false);
    if (!r.ok) return setMessage({ text: r.error.message, error: true });
    const n = r.data.submitted;
    setMessage({ text: n === 0 ? "You have no draft or rejected claims on this document." : `Submitted ${n} claim${n === 1 ? "" : "s"} for review.`, error: false });
    if (n > 0) onSubmitted?.(n);
  }

  return (
    <div className="submit-all">
      <button type="button" className="secondary small" disabled={busy} onClick={() => void submitAll()} data-testid="submit-all-claims">
        {busy ? "Submitting…" : "Submit all my claims on this document"}
      </button>
      <p role="status" aria-live="polite" className={message?.error ? "error small" : "small"}>{message?.text ?? ""}</p>
    </div>
  );
}
