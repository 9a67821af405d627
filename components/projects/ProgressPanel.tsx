/**
 * The project overview's progress: documents done and curated as bars, claims by state as one
 * stacked bar with its legend, open conflicts and records. Every bar carries its numbers in text
 * too, so the figures read the same without the picture.
 */
import Link from "next/link";
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS } from "@/lib/core/claim-status";
import type { ProjectProgress } from "@/lib/services/projects";

type Props = { projectId: string; progress: ProjectProgress };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** A bar named by the term (`id`) it stands beside. */
function Bar({ value, max, id }: { value: number; max: number; id: string }) {
  return (
    <div
      className="progress-bar"
      role="progressbar"
      aria-labelledby={id}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={`${value} of ${max}`}
    >
      <span style={{ width: `${percent(value, max)}%` }} />
    </div>
  );
}

export function ProgressPanel({ projectId, progress: p }: Props) {
  const base = `/projects/${projectId}`;
  const totalClaims = CLAIM_STATUSES.reduce((n, s) => n + p.claims[s], 0);
  const needs = plural(p.annotatorsPerDocument, "annotator");
  return (
    <section aria-labelledby="progress-h" className="panel progress-panel" data-testid="progress-panel">
      <h2 id="progress-h">Progress</h2>
      <dl className="progress-list">
        <div>
          <dt id="progress-done">Documents done</dt>
          <dd>
            <Bar id="progress-done" value={p.done} max={p.documents} />
            <span data-testid="progress-done">{p.done} of {p.documents}</span>{" "}
            <span className="muted small">(each needs {needs} to mark it done)</span>
          </dd>
        </div>
        <div>
          <dt id="progress-curated">Documents curated</dt>
          <dd>
            <Bar id="progress-curated" value={p.curated} max={p.documents} />
            <span data-testid="progress-curated">{p.curated} of {p.documents}</span>{" "}
            <span className="muted small">(every claim on it approved or rejected)</span>
          </dd>
        </div>
        <div>
          <dt id="progress-claims">Claims by state</dt>
          <dd>
            {totalClaims === 0 ? (
              <span className="muted">No claims yet.</span>
            ) : (
              <>
                <div className="progress-stack" aria-hidden="true">
                  {CLAIM_STATUSES.filter((s) => p.claims[s] > 0).map((s) => (
                    <span key={s} className={`status-${s}`} style={{ width: `${(p.claims[s] / totalClaims) * 100}%` }} />
                  ))}
                </div>
                <ul className="progress-legend" aria-labelledby="progress-claims" data-testid="progress-claims">
                  {CLAIM_STATUSES.map((s) => (
                    <li key={s} data-status={s}>
                      <span className={`progress-key status-${s}`} aria-hidden="true" /> {CLAIM_STATUS_LABELS[s]}: {p.claims[s]}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Open conflicts</dt>
          <dd data-testid="progress-conflicts">
            {p.openConflicts > 0 ? <Link href={`${base}/conflicts`} className="error">{plural(p.openConflicts, "open conflict")}</Link> : "None open"}
          </dd>
        </div>
        <div>
          <dt>Records</dt>
          <dd data-testid="progress-records"><Link href={`${base}/records`}>{plural(p.records, "record")}</Link></dd>
        </div>
      </dl>
    </section>
  );
}
