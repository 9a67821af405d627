"use client";
/**
 * "Passages also found in other documents" on the document page: a disclosure that asks for the
 * comparison only when first opened (it reads the project's other texts), then lists each passage
 * of this document with the documents it also appears in.
 */
import { useEffect, useState } from "react";
import Link from "next/link";
import { copiedPassagesAction } from "@/lib/actions/passages";
import type { CopiedPassages as Result } from "@/lib/services/passages";

export function CopiedPassages({ projectId, documentId }: { projectId: string; documentId: string }) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open || result) return;
    let live = true;
    void copiedPassagesAction(projectId, documentId).then((r) => {
      if (!live) return;
      if (r.ok) { setResult(r.data); setError(null); } else setError(r.error.message);
    });
    return () => { live = false; };
  }, [open, result, projectId, documentId]);

  return (
    <details className="copied-passages" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="copied-passages">
      <summary>Passages also found in other documents</summary>
      {error && <p role="alert" className="error small">{error}</p>}
      {open && !result && !error && <p className="muted small" role="status">Comparing with the project&apos;s other documents…</p>}
      {result && (
        result.passages.length === 0 ? (
          <p className="muted small" role="status">
            {result.compared === 0
              ? "This is the project's only document: there is nothing to compare it with."
              : `No passage of this document was found in the ${result.compared} other document${result.compared === 1 ? "" : "s"} compared.`}
          </p>
        ) : (
          <>
            <p className="small muted" role="status">
              {result.passages.length} passage{result.passages.length === 1 ? "" : "s"} copied or closely paraphrased. Claims resting only on
              these count as one source in records.
            </p>
            <ul className="passage-list">
              {result.passages.map((p, i) => (
                <li key={`${p.start}-${p.otherDocumentId}-${i}`} data-testid="copied-passage">
                  <q>{p.quote}</q>{" "}
                  <span className="small">
                    also in <Link href={`/projects/${projectId}/documents/${p.otherDocumentId}`}>{p.otherTitle || "an untitled document"}</Link>
                    <span className="muted"> · {Math.round(p.similarity * 100)}% alike</span>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )
      )}
      {result?.truncated && <p className="small muted">Compared with the {result.compared} most recently imported documents only.</p>}
    </details>
  );
}
