"use client";
/**
 * The claim panel's review part: the claim's status as a badge and the review actions the server says
 * this member may take now (submit for the author; approve, reject with a reason, reopen for
 * reviewers), then the claim's comments and its history. The state is loaded when the panel opens a
 * claim, so it is never the cached list's; a decision names the version it was read at.
 */
import { useEffect, useState } from "react";
import { decideClaimAction, getReviewStateAction } from "@/lib/actions/review";
import { CLAIM_STATUS_LABELS, type ReviewAction } from "@/lib/core/claim-status";
import type { ReviewState } from "@/lib/services/review";
import { ClaimComments } from "./ClaimComments";
import { ClaimHistory } from "./ClaimHistory";

const BUTTONS: Record<ReviewAction, string> = { submit: "Submit for review", approve: "Approve", reject: "Reject…", reopen: "Reopen" };

export function ClaimReview({ projectId, claimId, claimVersion }: { projectId: string; claimId: string; claimVersion: number }) {
  const [state, setState] = useState<ReviewState | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  // The history reloads after each decision made here.
  const [revision, setRevision] = useState(0);

  // Loaded when the panel opens the claim and again when its version changes (an edit of an approved
  // claim returns it to review) or a decision meets a conflict (`reloads`).
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let live = true;
    void getReviewStateAction(projectId, claimId).then((result) => {
      if (!live) return;
      if (result.ok) setState(result.data);
      else setMessage({ text: result.error.message, error: true });
    });
    return () => { live = false; };
  }, [projectId, claimId, claimVersion, reloads]);

  async function decide(action: ReviewAction) {
    if (!state || busy) return;
    setBusy(true);
    setMessage(null);
    const result = await decideClaimAction(projectId, action, { claimId, version: state.version, ...(action === "reject" ? { reason } : {}) });
    setBusy(false);
    if (result.ok) {
      setState(result.data);
      setRejecting(false);
      setReason("");
      setRevision((n) => n + 1);
      setMessage({ text: `Status: ${CLAIM_STATUS_LABELS[result.data.status]}.`, error: false });
    } else {
      setMessage({ text: result.error.message, error: true });
      if (result.error.code === "conflict") setReloads((n) => n + 1);
    }
  }

  return (
    <section aria-labelledby="claim-review-h" className="claim-review" data-testid="claim-review">
      <h3 id="claim-review-h" className="small-h">Review</h3>
      {state ? (
        <p>
          <span className={`badge status-${state.status}`} data-testid="claim-status">{CLAIM_STATUS_LABELS[state.status]}</span>
        </p>
      ) : (
        <p className="muted small">Loading status…</p>
      )}
      {state && state.actions.length > 0 && !rejecting && (
        <div className="inline">
          {state.actions.map((a) => (
            <button key={a} type="button" className={a === "approve" || a === "submit" ? undefined : "secondary"} disabled={busy}
              onClick={() => (a === "reject" ? setRejecting(true) : void decide(a))} data-testid={`review-${a}`}>
              {BUTTONS[a]}
            </button>
          ))}
        </div>
      )}
      {rejecting && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (reason.trim()) void decide("reject"); }}>
          <label htmlFor="panel-reject-reason" className="small">Reason for rejecting</label>
          <textarea id="panel-reject-reason" rows={2} value={reason} maxLength={2000} required onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); if (reason.trim()) void decide("reject"); } }} />
          <button type="submit" className="danger" disabled={busy || !reason.trim()}>Reject</button>
          <button type="button" className="link-button" onClick={() => { setRejecting(false); setReason(""); }}>Cancel</button>
        </form>
      )}
      <p role="status" aria-live="polite" className={message?.error ? "error small" : "small"}>{message?.text ?? ""}</p>
      <ClaimComments projectId={projectId} claimId={claimId} canComment={state?.canComment ?? false} />
      <ClaimHistory projectId={projectId} claimId={claimId} revision={`${revision}:${claimVersion}`} />
    </section>
  );
}
