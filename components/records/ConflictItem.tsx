/** One conflict: what disagrees, each side's value and claims, and its resolution or the form to resolve it. */
import Link from "next/link";
import type { ConflictView } from "@/lib/services/records";
import { ResolveConflictForm } from "./ResolveConflictForm";

const KIND_LABELS: Record<string, string> = {
  date_mismatch: "Dates do not overlap", figure_mismatch: "Figures do not overlap", none_vs_reported: "None against some",
  denial: "Denial", internal: "Within one document",
};

export function ConflictItem({ projectId, conflict, canCurate, showRecord }: {
  projectId: string;
  conflict: ConflictView;
  canCurate: boolean;
  showRecord: boolean;
}) {
  const base = `/projects/${projectId}`;
  return (
    <li className={`card conflict conflict-${conflict.status}`} data-testid="conflict">
      <p className="card-title">
        {showRecord && <><Link href={`${base}/records/${conflict.recordId}`}>R{conflict.recordSeq}</Link> · </>}
        {conflict.fieldLabel}: {KIND_LABELS[conflict.kind] ?? conflict.kind}{" "}
        <span className="badge">{conflict.status === "open" ? "Open" : "Resolved"}</span>
      </p>
      <p className="small">{conflict.message}</p>
      <ul className="small">
        {conflict.sides.map((s, i) => (
          <li key={i}>
            {s.value} —{" "}
            {s.claims.length === 0 ? "claims no longer in the record" : s.claims.map((c, j) => (
              <span key={c.id}>{j > 0 && ", "}<Link href={`${base}/documents/${c.documentId}#claim-${c.seq}`}>{c.documentTitle} #{c.seq}</Link></span>
            ))}
          </li>
        ))}
      </ul>
      {conflict.status === "resolved" ? (
        <p className="small">
          Resolved{conflict.resolvedBy ? ` by ${conflict.resolvedBy}` : ""}{conflict.resolvedAt ? ` on ${conflict.resolvedAt.toISOString().slice(0, 10)}` : ""}:
          kept <strong>{conflict.resolution?.value ?? "—"}</strong>. {conflict.note}
        </p>
      ) : canCurate ? (
        <ResolveConflictForm projectId={projectId} conflict={conflict} />
      ) : (
        <p className="small muted">An editor resolves this by choosing a value and saying why.</p>
      )}
    </li>
  );
}
