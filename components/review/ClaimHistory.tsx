"use client";
/**
 * A claim's history in a disclosure, loaded when it is first opened (and again after a change made in
 * the panel): who did what and when, the reason of a decision, and the fields an edit changed.
 */
import { useEffect, useState } from "react";
import { getClaimHistoryAction } from "@/lib/actions/review";
import type { HistoryEntry } from "@/lib/services/history";
import { HistoryList } from "./HistoryList";

export function ClaimHistory({ projectId, claimId, revision }: { projectId: string; claimId: string; revision: string }) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void getClaimHistoryAction(projectId, claimId).then((r) => {
      if (!live) return;
      if (r.ok) { setEntries(r.data); setError(null); } else setError(r.error.message);
    });
    return () => { live = false; };
  }, [open, projectId, claimId, revision]);

  return (
    <details className="claim-history" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="claim-history">
      <summary>History</summary>
      {error && <p role="alert" className="error small">{error}</p>}
      {open && entries === null && !error && <p className="muted small">Loading history…</p>}
      {entries && <HistoryList entries={entries} />}
    </details>
  );
}
