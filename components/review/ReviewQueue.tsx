"use client";
/**
 * The review queue's rows and their keyboard: j / k or the arrow keys move between rows, a approves,
 * r opens the reason field (Enter rejects, Escape cancels), o opens the claim in its document. A
 * decided row leaves the list and focus moves to the row that takes its place; every decision is
 * announced in a polite live region. When the page is emptied the server is asked for the next rows.
 */
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { decideClaimAction } from "@/lib/actions/review";
import type { ReviewQueueRow } from "@/lib/services/review-queue";
import { formatTime } from "./format";
import { TypeName } from "@/components/annotate/TypeName";

export function ReviewQueue({ projectId, rows: initial }: { projectId: string; rows: ReviewQueueRow[] }) {
  const router = useRouter();
  const [rows, setRows] = useState(initial);
  const [active, setActive] = useState(0);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const reasonRef = useRef<HTMLInputElement>(null);
  // Focus follows `active` once a row has had focus (not on first render: the page keeps its own).
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    const row = rows[Math.min(active, rows.length - 1)];
    if (row && rejecting !== row.claimId) rowRefs.current.get(row.claimId)?.focus();
  }, [active, rows, rejecting]);
  useEffect(() => { if (rejecting) reasonRef.current?.focus(); }, [rejecting]);
  useEffect(() => { if (rows.length === 0) router.refresh(); }, [rows.length, router]);

  const href = (r: ReviewQueueRow) => `/projects/${projectId}/documents/${r.documentId}#claim-${r.seq}`;
  const label = (r: ReviewQueueRow) => `#${r.seq} (${r.typeName}) in ${r.documentTitle || "Untitled"}`;

  async function decide(r: ReviewQueueRow, action: "approve" | "reject", why = "") {
    if (busy) return;
    setBusy(r.claimId);
    setError(null);
    const result = await decideClaimAction(projectId, action, { claimId: r.claimId, version: r.version, ...(action === "reject" ? { reason: why } : {}) });
    setBusy(null);
    if (!result.ok && result.error.code !== "conflict") {
      setError(`${label(r)}: ${result.error.message}`);
      return;
    }
    const index = rows.findIndex((x) => x.claimId === r.claimId);
    const left = rows.filter((x) => x.claimId !== r.claimId);
    moved.current = true;
    setRejecting(null);
    setReason("");
    setRows(left);
    setActive(Math.max(0, Math.min(index, left.length - 1)));
    // A conflict means another reviewer decided first: the row leaves the queue all the same.
    setAnnouncement(result.ok
      ? `${action === "approve" ? "Approved" : "Rejected"} ${label(r)}. ${left.length} left on this page.`
      : `${label(r)} was already decided or changed by someone else; it left the queue. ${left.length} left on this page.`);
  }

  function onKey(e: React.KeyboardEvent) {
    if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
    const r = rows[active];
    if (!r) return;
    const move = (to: number) => { e.preventDefault(); moved.current = true; setActive(Math.max(0, Math.min(rows.length - 1, to))); };
    if (e.key === "j" || e.key === "ArrowDown") move(active + 1);
    else if (e.key === "k" || e.key === "ArrowUp") move(active - 1);
    else if (e.key === "a" && r.canDecide) { e.preventDefault(); void decide(r, "approve"); }
    else if (e.key === "r" && r.canDecide) { e.preventDefault(); setRejecting(r.claimId); }
    else if (e.key === "o") { e.preventDefault(); router.push(href(r)); }
  }

  return (
    <div className="review-queue" onKeyDown={onKey}>
      <p className="small muted" id="review-keys">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> or arrows move, <kbd>a</kbd> approve, <kbd>r</kbd> reject with a reason, <kbd>o</kbd> open in the document.
      </p>
      <p role="status" aria-live="polite" className="small" data-testid="review-announcement">{announcement}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {rows.length === 0 ? (
        <p className="muted">Loading the next claims…</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Review queue table" tabIndex={0}>
          <table className="table review-table" aria-describedby="review-keys">
            <thead>
              <tr><th scope="col">Claim</th><th scope="col">Document</th><th scope="col">Annotator</th><th scope="col">Quote and key values</th><th scope="col">Submitted</th><th scope="col">Decision</th></tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr
                  key={r.claimId}
                  ref={(el) => { if (el) rowRefs.current.set(r.claimId, el); else rowRefs.current.delete(r.claimId); }}
                  tabIndex={i === active ? 0 : -1}
                  className={i === active ? "active" : undefined}
                  aria-label={label(r)}
                  onFocus={() => setActive(i)}
                  data-testid="review-row"
                  data-claim-seq={r.seq}
                >
                  <td><span className="swatch" style={{ background: r.typeColor }} aria-hidden="true" /> <TypeName type={{ name: r.typeName, color: r.typeColor, underline: r.typeUnderline }} /> <span className="muted">#{r.seq}</span></td>
                  <td>{r.documentTitle || "Untitled"}</td>
                  <td>{r.authorName}</td>
                  <td>
                    {r.quote && <span>“{r.quote}”</span>}
                    {r.keyValues && <div className="small muted">{r.keyValues}</div>}
                  </td>
                  <td className="small">{formatTime(r.submittedAt)}</td>
                  <td>
                    {rejecting === r.claimId ? (
                      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (reason.trim()) void decide(r, "reject", reason); }}>
                        <label htmlFor={`reason-${r.claimId}`} className="small">Reason for rejecting</label>
                        <input
                          id={`reason-${r.claimId}`} ref={reasonRef} value={reason} maxLength={2000} required
                          onChange={(e) => setReason(e.target.value)}
                          onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); setRejecting(null); setReason(""); moved.current = true; } }}
                          data-testid="reject-reason"
                        />
                        <button type="submit" className="danger" disabled={busy === r.claimId || !reason.trim()}>Reject</button>
                        <button type="button" className="link-button" onClick={() => { setRejecting(null); setReason(""); }}>Cancel</button>
                      </form>
                    ) : r.canDecide ? (
                      <div className="inline">
                        <button type="button" disabled={busy === r.claimId} onClick={() => void decide(r, "approve")} aria-label={`Approve ${label(r)}`}>Approve</button>
                        <button type="button" className="secondary" disabled={busy === r.claimId} onClick={() => { moved.current = true; setActive(i); setRejecting(r.claimId); }} aria-label={`Reject ${label(r)}`}>Reject…</button>
                        <a href={href(r)}>Open</a>
                      </div>
                    ) : (
                      <div className="small muted">Your own claim: another editor reviews it. <a href={href(r)}>Open</a></div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
