"use client";
/** Record-wide changes for editors: recompute from the claims as they are now, mark final, merge another record in. */
import { refreshRecordAction, mergeRecordsAction, setRecordStatusAction } from "@/lib/actions/records";
import { useRecordAction } from "./use-record-action";

export function RecordToolbar({ projectId, record, changed, mergeTargets }: {
  projectId: string;
  record: { id: string; version: number; status: string; seq: number };
  changed: boolean;
  mergeTargets: { id: string; seq: number; version: number; date: string }[];
}) {
  const { busy, error, run } = useRecordAction();
  const ref = { recordId: record.id, version: record.version };
  async function merge(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const target = mergeTargets.find((t) => t.id === String(new FormData(e.currentTarget).get("other") ?? ""));
    if (!target) return;
    if (!window.confirm(`Move every claim of R${target.seq} into R${record.seq}? R${target.seq} will be removed.`)) return;
    await run(() => mergeRecordsAction(projectId, { ...ref, otherRecordId: target.id, otherVersion: target.version }));
  }
  return (
    <section className="panel record-toolbar" aria-label="Record actions">
      {changed && <p className="notice">Some claims changed or left approval since this record was built. Recompute when they are approved again.</p>}
      <div className="actions">
        <button type="button" className={changed ? "" : "secondary"} disabled={busy} onClick={() => run(() => refreshRecordAction(projectId, ref))}>Recompute from claims</button>
        <button type="button" className="secondary" disabled={busy}
          onClick={() => run(() => setRecordStatusAction(projectId, { ...ref, status: record.status === "final" ? "confirmed" : "final" }))}>
          {record.status === "final" ? "Reopen (mark confirmed)" : "Mark final"}
        </button>
        {mergeTargets.length > 0 && (
          <form onSubmit={merge} className="inline" aria-label="Merge another record into this one">
            <label>Merge in
              <select name="other" required defaultValue="">
                <option value="" disabled>choose a record</option>
                {mergeTargets.map((t) => <option key={t.id} value={t.id}>R{t.seq} ({t.date})</option>)}
              </select>
            </label>
            <button type="submit" className="secondary" disabled={busy}>Merge</button>
          </form>
        )}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
