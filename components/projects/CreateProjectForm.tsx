"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createProjectAction } from "@/lib/actions/projects";

export function CreateProjectForm() {
  const router = useRouter();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    const result = await createProjectAction({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    router.push(`/projects/${result.data.id}`);
  }
  return (
    <form onSubmit={onSubmit} className="stack narrow">
      <label>
        Name
        <input name="name" required maxLength={120} placeholder="e.g. ISKP attacks 2021-2024" />
      </label>
      <label>
        Description <span className="muted">(optional)</span>
        <textarea name="description" rows={2} maxLength={2000} />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy}>{busy ? "Creating…" : "Create project"}</button>
      <p className="muted small">New projects start with three claim types: attack, leader change and size estimate.</p>
    </form>
  );
}
