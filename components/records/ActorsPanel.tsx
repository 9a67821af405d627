"use client";
/** The project's actor list: names and aliases that reconciliation treats as one actor. */
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createActorAction, deleteActorAction } from "@/lib/actions/records";
import type { ActorView } from "@/lib/services/actors";

export function ActorsPanel({ projectId, actors, canCurate }: { projectId: string; actors: ActorView[]; canCurate: boolean }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const aliases = String(form.get("aliases") ?? "").split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
    setBusy(true);
    const result = await createActorAction(projectId, { name: String(form.get("name") ?? ""), aliases });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError("");
    formEl.reset();
    router.refresh();
  }
  async function remove(a: ActorView) {
    if (!window.confirm(`Remove ${a.name} and its aliases from the actor list?`)) return;
    const result = await deleteActorAction(projectId, { actorId: a.id });
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }
  return (
    <section className="panel" aria-labelledby="actors-h">
      <h2 id="actors-h">Actors</h2>
      <p className="small muted">Names listed together here count as one actor when claims are matched into records.</p>
      {actors.length === 0 ? (
        <p className="empty">No actors yet.{canCurate ? " Add a group with the spellings reports use for it." : ""}</p>
      ) : (
        <ul className="plain">
          {actors.map((a) => (
            <li key={a.id} className="member-row">
              <span><strong>{a.name}</strong>{a.aliases.length > 0 && <span className="muted"> — also {a.aliases.join(", ")}</span>}</span>
              {canCurate && <button type="button" className="link-button danger" onClick={() => remove(a)}>Remove<span className="sr-only"> {a.name}</span></button>}
            </li>
          ))}
        </ul>
      )}
      {canCurate && (
        <form onSubmit={onSubmit} className="inline-form" aria-label="Add an actor">
          <label>Name <input name="name" required maxLength={200} placeholder="Islamic State Khorasan Province" /></label>
          <label>Aliases <input name="aliases" maxLength={4000} placeholder="ISIS-K, ISKP, IS-KP" /></label>
          <button type="submit" disabled={busy}>{busy ? "Adding…" : "Add actor"}</button>
        </form>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
