"use client";
/**
 * For editors of a blind project: opens the document for curation, after which every member sees
 * every claim on it. Asks for confirmation in place (the step cannot be undone).
 */
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { openForCurationAction } from "@/lib/actions/curation";

export function OpenCurationButton({ projectId, documentId, version }: { projectId: string; documentId: string; version: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();

  function open() {
    setError("");
    start(async () => {
      const res = await openForCurationAction(projectId, documentId, version);
      if (!res.ok) return setError(res.error.message);
      setConfirming(false);
      router.refresh();
    });
  }

  return (
    <div className="open-curation" data-testid="open-curation">
      {!confirming ? (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>Open for curation</button>
      ) : (
        <div className="inline" role="group" aria-label="Open for curation">
          <span>Open for curation: every member will see every claim on this document. This cannot be undone.</span>
          <button type="button" onClick={open} disabled={pending} autoFocus>Open for curation</button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</button>
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
