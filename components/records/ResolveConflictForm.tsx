"use client";
/** Resolves a conflict: one side's value and a note saying why; the conflict stays listed, resolved. */
import { resolveConflictAction } from "@/lib/actions/records";
import type { ConflictView } from "@/lib/services/records";
import { useRecordAction } from "./use-record-action";

export function ResolveConflictForm({ projectId, conflict }: { projectId: string; conflict: ConflictView }) {
  const { busy, error, run } = useRecordAction();
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const side = Number(form.get("side"));
    await run(() => resolveConflictAction(projectId, { conflictId: conflict.id, version: conflict.version, side, note: String(form.get("note") ?? "") }));
  }
  const noteId = `note-${conflict.id}`;
  return (
    <form onSubmit={onSubmit} className="stack resolve-form" aria-label={`Resolve the conflict on ${conflict.fieldLabel}`}>
      <fieldset>
        <legend>Keep the value</legend>
        {conflict.sides.map((s, i) => (
          <label key={i} className="checkbox">
            <input type="radio" name="side" value={i} required /> {s.value} <span className="muted small">({s.claimIds.length} claim{s.claimIds.length === 1 ? "" : "s"})</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={noteId}>Note (why this value)</label>
      <textarea id={noteId} name="note" rows={2} maxLength={4000} required />
      <p><button type="submit" disabled={busy}>{busy ? "Resolving…" : "Resolve"}</button></p>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
