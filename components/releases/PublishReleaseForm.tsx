"use client";
/** Publishes a release: the suggested version pre-filled, a title and notes; then opens the new release. */
import { useState } from "react";
import { useRouter } from "next/navigation";
import { publishReleaseAction } from "@/lib/actions/releases";

export function PublishReleaseForm({ projectId, suggestedVersion }: { projectId: string; suggestedVersion: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError("");
    const result = await publishReleaseAction(projectId, {
      version: String(form.get("version") ?? ""), title: String(form.get("title") ?? ""), notes: String(form.get("notes") ?? ""),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    router.push(`/projects/${projectId}/releases/${result.data.id}`);
  }
  return (
    <form onSubmit={onSubmit} className="stack" aria-labelledby="publish-h">
      <h2 id="publish-h">Publish a release</h2>
      <p className="muted">A release freezes the records and approved claims as they are now. It never changes afterwards.</p>
      <label htmlFor="release-version">Version</label>
      <input id="release-version" name="version" defaultValue={suggestedVersion} pattern="\d+\.\d+\.\d+" aria-describedby="release-version-hint" />
      <p id="release-version-hint" className="muted small">MAJOR.MINOR.PATCH, greater than the last release. Suggested: {suggestedVersion}.</p>
      <label htmlFor="release-title">Title</label>
      <input id="release-title" name="title" required maxLength={200} />
      <label htmlFor="release-notes">Notes</label>
      <textarea id="release-notes" name="notes" rows={3} maxLength={10000} />
      <p><button type="submit" disabled={busy}>{busy ? "Publishing…" : "Publish release"}</button></p>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
