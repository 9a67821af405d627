/** A changelog between two releases: records added, removed, and changed field by field (old → new). */
import Link from "next/link";
import type { Changelog as ChangelogData } from "@/lib/services/releases";

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

export function Changelog({ projectId, changelog }: { projectId: string; changelog: ChangelogData }) {
  const record = (r: { id: string; seq: number; type: string }) => <Link href={`/projects/${projectId}/records/${r.id}`}>Record #{r.seq}</Link>;
  const empty = !changelog.added.length && !changelog.removed.length && !changelog.changed.length;
  if (empty) return <p className="muted">No records added, removed or changed.</p>;
  return (
    <div className="stack">
      <h3>Added ({changelog.added.length})</h3>
      {changelog.added.length ? <ul>{changelog.added.map((r) => <li key={r.id}>{record(r)} <span className="muted">({r.type})</span></li>)}</ul> : <p className="muted">None.</p>}
      <h3>Removed ({changelog.removed.length})</h3>
      {changelog.removed.length ? <ul>{changelog.removed.map((r) => <li key={r.id}>Record #{r.seq} <span className="muted">({r.type})</span></li>)}</ul> : <p className="muted">None.</p>}
      <h3>Changed ({changelog.changed.length})</h3>
      {changelog.changed.length ? (
        changelog.changed.map((r) => (
          <div key={r.id} className="table-scroll" role="region" aria-label={`Changes to record #${r.seq}`} tabIndex={0}>
            <table className="changes">
              <caption>{record(r)} <span className="muted">({r.type})</span></caption>
              <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
              <tbody>
                {r.changes.map((c) => (
                  <tr key={c.field}><th scope="row">{c.field.replace(/^fields\./, "")}</th><td><code>{show(c.old)}</code></td><td><code>{show(c.new)}</code></td></tr>
                ))}
              </tbody>
            </table>
          </div>
        ))
      ) : <p className="muted">None.</p>}
    </div>
  );
}
