"use client";
/** Proposed records: each group of claims with why they were grouped, and Confirm for editors. */
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { confirmProposalAction } from "@/lib/actions/records";
import type { ProposalView } from "@/lib/services/records";

export function ProposalList({ projectId, proposals, canCurate }: { projectId: string; proposals: ProposalView[]; canCurate: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const base = `/projects/${projectId}`;
  async function confirm(p: ProposalView) {
    setBusy(p.key);
    setError(null);
    const result = await confirmProposalAction(projectId, { claimIds: p.claims.map((c) => c.id) });
    setBusy(null);
    if (!result.ok) return setError({ key: p.key, message: result.error.message });
    router.push(`${base}/records/${result.data.id}`);
  }
  const label = (id: string, p: ProposalView) => {
    const c = p.claims.find((x) => x.id === id);
    return c ? `${c.documentTitle} #${c.seq}` : id;
  };
  return (
    <ul className="card-list" aria-label="Proposed records">
      {proposals.map((p, i) => (
        <li key={p.key} className="card proposal">
          <h3 className="card-title">{p.typeName}: {p.claims.length} claims from {new Set(p.claims.map((c) => c.documentId)).size} document(s)</h3>
          <ul className="plain proposal-claims">
            {p.claims.map((c) => (
              <li key={c.id}>
                <Link href={`${base}/documents/${c.documentId}#claim-${c.seq}`}>{c.documentTitle} #{c.seq}</Link>
                {c.facts && <span className="small"> — {c.facts}</span>}
                <blockquote className="evidence">{c.quote}</blockquote>
              </li>
            ))}
          </ul>
          <details>
            <summary>Why these claims ({p.pairs.length} matching pair{p.pairs.length === 1 ? "" : "s"})</summary>
            <ul className="small">
              {p.pairs.map((pair) => (
                <li key={`${pair.a}-${pair.b}`}>
                  {label(pair.a, p)} and {label(pair.b, p)} (score {pair.score}):{" "}
                  {pair.reasons.map((r) => `${r.outcome === "differ" ? "✗" : "✓"} ${r.detail}`).join("; ")}
                </li>
              ))}
            </ul>
          </details>
          {canCurate && (
            <p className="actions">
              <button type="button" onClick={() => confirm(p)} disabled={busy !== null} aria-describedby={error?.key === p.key ? `proposal-error-${i}` : undefined}>
                {busy === p.key ? "Confirming…" : "Confirm as one record"}
              </button>
            </p>
          )}
          {error?.key === p.key && <p role="alert" id={`proposal-error-${i}`} className="error">{error.message}</p>}
        </li>
      ))}
    </ul>
  );
}
