"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";

type Restored = { projectId: string; name: string; unmatchedMembers: string[]; droppedAssignments: number };

/** Uploads a backup to the restore route, then opens the new project (or says what was left out first). */
export function RestoreForm() {
  const router = useRouter();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Restored | null>(null);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError("");
    setBusy(true);
    try {
      const res = await fetch("/api/projects/restore", { method: "POST", body: new FormData(e.currentTarget) });
      const body = (await res.json().catch(() => null)) as (Restored & { error?: { message: string } }) | null;
      if (!res.ok || !body) return setError(body?.error?.message ?? "The backup could not be restored.");
      if (body.unmatchedMembers.length === 0) return router.push(`/projects/${body.projectId}`);
      setDone(body);
    } catch {
      setError("The upload failed. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }
  if (done) {
    return (
      <div role="status" className="stack narrow">
        <p>
          Restored as <a href={`/projects/${done.projectId}`}>{done.name}</a>. These members have no account here and were left out;
          their work is attributed to you: {done.unmatchedMembers.join(", ")}.
          {done.droppedAssignments > 0 && ` ${done.droppedAssignments} of their assignments could not be kept.`}
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="stack narrow">
      <label>
        Backup file (.zip)
        <input name="file" type="file" accept=".zip,application/zip" required />
      </label>
      <label>
        Name of the restored project <span className="muted">(optional; the backup&apos;s name otherwise, followed by &ldquo;(restored)&rdquo; for a copy of a project on this server)</span>
        <input name="name" maxLength={120} />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy}>{busy ? "Restoring…" : "Restore"}</button>
      <p className="muted small">The backup becomes a project that you own, with its ids kept unless this server already holds them. Members are matched by e-mail to accounts on this server.</p>
    </form>
  );
}
