"use client";
/** A claim's comments, oldest first, and a box to add one (for members whose role may comment). */
import { useEffect, useState } from "react";
import { addClaimCommentAction, listClaimCommentsAction } from "@/lib/actions/review";
import type { ClaimCommentView } from "@/lib/services/comments";
import { formatTime } from "./format";

export function ClaimComments({ projectId, claimId, canComment }: { projectId: string; claimId: string; canComment: boolean }) {
  const [comments, setComments] = useState<ClaimCommentView[] | null>(null);
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void listClaimCommentsAction(projectId, claimId).then((r) => {
      if (!live) return;
      if (r.ok) setComments(r.data);
      else setError(r.error.message);
    });
    return () => { live = false; };
  }, [projectId, claimId]);

  async function add() {
    if (busy || !body.trim()) return;
    setBusy(true);
    setError(null);
    const r = await addClaimCommentAction(projectId, { claimId, body });
    setBusy(false);
    if (r.ok) {
      setComments((c) => [...(c ?? []), r.data]);
      setBody("");
    } else setError(r.error.message);
  }

  const inputId = `comment-${claimId}`;
  return (
    <section aria-labelledby={`${inputId}-h`} className="claim-comments">
      <h3 id={`${inputId}-h`} className="small-h">Comments</h3>
      {comments === null ? (
        <p className="muted small">Loading comments…</p>
      ) : comments.length === 0 ? (
        <p className="muted small">No comments yet.</p>
      ) : (
        <ol className="comment-list" data-testid="comment-list">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="small"><strong>{c.authorName}</strong> <span className="muted">{formatTime(c.createdAt)}</span></p>
              <p className="comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <form onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <label htmlFor={inputId} className="small">Add a comment</label>
          <textarea id={inputId} rows={2} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} data-testid="comment-body" />
          <button type="submit" className="secondary small" disabled={busy || !body.trim()}>{busy ? "Posting…" : "Post comment"}</button>
        </form>
      )}
      {error && <p role="alert" className="error small">{error}</p>}
    </section>
  );
}
