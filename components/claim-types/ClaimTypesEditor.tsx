"use client";
/**
 * Lists a project's claim types; owners edit a type's fields (each save is a new version) or add types;
 * editors and owners set each type's field defaults.
 */
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { isMultiEnum, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import type { ClaimTypeView as TypeView } from "@/lib/services/claim-types";
import { createClaimTypeAction, setClaimTypeArchivedAction, updateClaimTypeAction } from "@/lib/actions/projects";
import { suggestTypeColor, withTypeCues } from "@/lib/core/color/palette";
import { TypeName } from "@/components/annotate/TypeName";
import { DefinitionForm } from "./DefinitionForm";
import { FieldDefaultsEditor } from "./FieldDefaultsEditor";
import type { FieldDefaults } from "@/lib/services/claim-type-defaults";

/** A new type starts with the first palette colour no type of the project uses yet. */
const blank = (used: readonly string[]): ClaimTypeDefinition => ({ key: "", name: "", color: suggestTypeColor(used), fields: [] }) as unknown as ClaimTypeDefinition;

export function ClaimTypesEditor({ projectId, types, canManage, defaults, canSetDefaults }: {
  projectId: string; types: TypeView[]; canManage: boolean; defaults: Record<string, FieldDefaults>; canSetDefaults: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();

  function submit(def: ClaimTypeDefinition, type?: TypeView) {
    setError("");
    start(async () => {
      const res = type
        ? await updateClaimTypeAction(projectId, { claimTypeId: type.id, version: type.version, definition: def })
        : await createClaimTypeAction(projectId, def);
      if (!res.ok) return setError(res.error.message);
      setEditing(null);
      router.refresh();
    });
  }

  return (
    <div className="stack">
      {withTypeCues(types).map((t) => (
        <section key={t.id} className={`panel${t.archived ? " archived" : ""}`} data-testid={`claim-type-${t.key}`}>
          <div className="page-head">
            <h2><span className="swatch" style={{ background: t.color }} aria-hidden="true" /> <TypeName type={t} /> <span className="muted small">{t.key} · version {t.currentVersion}{t.archived ? " · archived" : ""}</span></h2>
            {canManage && editing !== t.id && (
              <div className="inline">
                <button type="button" className="secondary small" onClick={() => setEditing(t.id)}>Edit</button>
                <button type="button" className="link-button small" disabled={pending}
                  onClick={() => start(async () => { const r = await setClaimTypeArchivedAction(projectId, t.id, t.version, !t.archived); if (!r.ok) setError(r.error.message); else router.refresh(); })}>
                  {t.archived ? "Restore" : "Archive"}
                </button>
              </div>
            )}
          </div>
          {editing === t.id ? (
            <DefinitionForm initial={t.definition} keyLocked busy={pending} error={error} onCancel={() => setEditing(null)} onSubmit={(d) => submit(d, t)} />
          ) : (
            <div className="table-scroll" role="region" aria-label={`Fields of ${t.name}`} tabIndex={0}>
              <table className="table compact">
                <thead><tr><th scope="col">Field</th><th scope="col">Kind</th><th scope="col">Required</th><th scope="col">Options</th></tr></thead>
                <tbody>
                  {t.definition.fields.map((f) => (
                    <tr key={f.key}>
                      <td>{f.label} <span className="muted small">{f.key}</span></td>
                      <td>{f.kind}{f.many ? " (many)" : ""}{isMultiEnum(f) ? ` (up to ${f.maxSelected})` : ""}</td>
                      <td>{f.required ? "yes" : ""}</td>
                      <td className="small">{f.options?.map((o) => o.label).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {editing !== t.id && !t.archived && (
            <FieldDefaultsEditor projectId={projectId} claimTypeId={t.id} definition={t.definition} defaults={defaults[t.id] ?? { version: 0, values: {} }} canSet={canSetDefaults} />
          )}
        </section>
      ))}
      {canManage && (editing === "new" ? (
        <section className="panel"><h2>New claim type</h2>
          <DefinitionForm initial={blank(types.map((t) => t.color))} busy={pending} error={error} onCancel={() => setEditing(null)} onSubmit={(d) => submit(d)} />
        </section>
      ) : (
        <p><button type="button" onClick={() => { setError(""); setEditing("new"); }} data-testid="new-claim-type">Add a claim type</button></p>
      ))}
      {error && editing === null && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
