"use client";
/** The record's claims with their evidence; editors detach one, or split chosen ones into a new record. */
import { useState } from "react";
import Link from "next/link";
import { detachClaimAction, splitRecordAction } from "@/lib/actions/records";
import type { RecordClaimView } from "@/lib/services/records";
import { useRecordAction } from "./use-record-action";

export function RecordClaimsList({ projectId, record, claims, canCurate }: {
  projectId: string;
  record: { id: string; version: number };
  claims: RecordClaimView[];
  canCurate: boolean;
}) {
  const { busy, error, run, router } = useRecordAction();
  const [chosen, setChosen] = useState<string[]>([]);
  const base = `/projects/${projectId}`;
  const ref = { recordId: record.id, version: record.version };
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  async function detach(c: RecordClaimView) {
    await run(() => detachClaimAction(projectId, { ...ref, claimId: c.id }), (d) => {
      if (d.recordDeleted) router.push(`${base}/records`);
      else router.refresh();
    });
  }
  async function split() {
    const ok = await run(() => splitRecordAction(projectId, { ...ref, claimIds: chosen }), (d) => router.push(`${base}/records/${d.id}`));
    if (ok) setChosen([]);
  }
  return (
    <>
      <div className="table-scroll" role="region" aria-label="Claims in this record" tabIndex={0}>
        <table className="table record-claims">
          <caption className="sr-only">Claims in this record</caption>
          <thead>
            <tr>
              {canCurate && <th scope="col"><span className="sr-only">Choose</span></th>}
              <th scope="col">Claim</th>
              <th scope="col">Evidence</th>
              <th scope="col">Values</th>
              {canCurate && <th scope="col"><span className="sr-only">Actions</span></th>}
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id} id={`rc-${c.id}`}>
                {canCurate && (
                  <td>
                    <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => toggle(c.id)} aria-label={`Choose ${c.documentTitle} #${c.seq} for a new record`} />
                  </td>
                )}
                <td>
                  <Link href={`${base}/documents/${c.documentId}#claim-${c.seq}`}>{c.documentTitle} #{c.seq}</Link>
                  {!c.counts && <div className="small error">{c.deleted ? "deleted" : `${c.status}: not counted`}</div>}
                  {c.counts && c.changed && <div className="small muted">changed since the record was built</div>}
                </td>
                <td className="quote-cell">{c.quote}</td>
                <td className="small">{c.facts}</td>
                {canCurate && (
                  <td><button type="button" className="link-button" disabled={busy} onClick={() => detach(c)}>Detach<span className="sr-only"> {c.documentTitle} #{c.seq}</span></button></td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canCurate && claims.length > 1 && (
        <p className="actions">
          <button type="button" className="secondary" disabled={busy || chosen.length === 0 || chosen.length >= claims.length} onClick={split}>
            Split the chosen claims into a new record
          </button>
          <span className="small muted">{chosen.length} chosen</span>
        </p>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </>
  );
}
