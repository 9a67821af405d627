"use client";
/** Edits one claim-type definition: name, colour, and its fields. The server validates it with the same zod schema. */
import { useEffect, useState } from "react";
import { DiscardDialog } from "@/components/annotate/DiscardDialog";
import { TYPE_PALETTE } from "@/lib/core/color/palette";
import { FIELD_KINDS, MANY_KINDS, type ClaimTypeDefinition, type FieldDefinition } from "@/lib/core/claim-types";

const slug = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").replace(/^(\d)/, "f_$1").slice(0, 40);

function optionsToText(f: FieldDefinition) {
  return (f.options ?? []).map((o) => (o.value === slug(o.label) ? o.label : `${o.value}: ${o.label}`)).join("\n");
}

function textToOptions(text: string) {
  return text.split("\n").map((l) => l.trim()).filter(Boolean).map((line) => {
    const m = /^([a-z0-9_]+):\s*(.+)$/.exec(line);
    return m ? { value: m[1]!, label: m[2]! } : { value: slug(line), label: line };
  });
}

export function DefinitionForm({ initial, keyLocked, busy, error, onSubmit, onCancel }: {
  initial: ClaimTypeDefinition;
  keyLocked?: boolean;
  busy: boolean;
  error: string;
  onSubmit(def: ClaimTypeDefinition): void;
  onCancel(): void;
}) {
  const [def, setDef] = useState<ClaimTypeDefinition>(initial);
  // An enum field's options as typed, one entry per field, kept in step with def.fields.
  const [optionText, setOptionText] = useState<string[]>(() => initial.fields.map(optionsToText));
  // Changed since the form opened: Cancel asks first, and leaving the page gets the browser's prompt.
  const [opened] = useState(() => JSON.stringify({ def: initial, optionText: initial.fields.map(optionsToText) }));
  const dirty = JSON.stringify({ def, optionText }) !== opened;
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = ""; };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);
  const setField = (i: number, patch: Partial<FieldDefinition>) => setDef({ ...def, fields: def.fields.map((f, j) => (j === i ? ({ ...f, ...patch } as FieldDefinition) : f)) });
  const moved = <T,>(list: T[], i: number, d: number) => {
    const out = [...list];
    const [x] = out.splice(i, 1);
    out.splice(i + d, 0, x!);
    return out;
  };
  const move = (i: number, d: number) => {
    setDef({ ...def, fields: moved(def.fields, i, d) });
    setOptionText(moved(optionText, i, d));
  };
  const remove = (i: number) => {
    setDef({ ...def, fields: def.fields.filter((_, j) => j !== i) });
    setOptionText(optionText.filter((_, j) => j !== i));
  };
  const add = () => {
    setDef({ ...def, fields: [...def.fields, { key: "", label: "", kind: "text", required: false } as FieldDefinition] });
    setOptionText([...optionText, ""]);
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const fields = def.fields.map((f, i) => {
      const out: Record<string, unknown> = { ...f };
      if (f.kind === "enum") out.options = textToOptions(optionText[i] ?? "");
      else { delete out.options; delete out.maxSelected; }
      if (f.kind !== "quantity") delete out.unitRequired;
      if (f.kind !== "quantity" || !f.defaultUnit?.trim()) delete out.defaultUnit;
      if (!MANY_KINDS.includes(f.kind)) delete out.many;
      if (!out.help) delete out.help;
      return out;
    });
    const clean: Record<string, unknown> = { ...def, key: def.key || slug(def.name), fields };
    if (!clean.description) delete clean.description;
    onSubmit(clean as unknown as ClaimTypeDefinition);
  }

  return (
    <form onSubmit={submit} className="definition-form stack" aria-label="Claim type definition">
      <div className="grid-form">
        <label>Name<input value={def.name} required maxLength={60} onChange={(e) => setDef({ ...def, name: e.target.value, key: keyLocked ? def.key : slug(e.target.value) })} /></label>
        <label>Key <span className="muted small">(used in exports; fixed once created)</span><input value={def.key} disabled={keyLocked} pattern="[a-z][a-z0-9_]*" onChange={(e) => setDef({ ...def, key: e.target.value })} /></label>
        <label>Colour<input type="color" value={def.color} list="claim-type-palette" onChange={(e) => setDef({ ...def, color: e.target.value })} /></label>
        {/* Suggested colours: told apart in common colour blindness too (lib/core/color/palette.ts). */}
        <datalist id="claim-type-palette">{TYPE_PALETTE.map((c) => <option key={c} value={c} />)}</datalist>
      </div>
      <div className="table-scroll" role="region" aria-label="Fields being edited" tabIndex={0}>
        <table className="table compact">
          <thead><tr><th scope="col">Label</th><th scope="col">Key</th><th scope="col">Kind</th><th scope="col">Required</th><th scope="col">Details</th><th scope="col"><span className="sr-only">Order</span></th></tr></thead>
          <tbody>
            {def.fields.map((f, i) => (
              <tr key={i}>
                <td><input aria-label={`Field ${i + 1} label`} value={f.label} required onChange={(e) => setField(i, { label: e.target.value, ...(keyLocked && initial.fields.some((g) => g.key === f.key) ? {} : { key: slug(e.target.value) }) })} /></td>
                <td><input aria-label={`Field ${i + 1} key`} value={f.key} size={14} onChange={(e) => setField(i, { key: e.target.value })} /></td>
                <td>
                  <select aria-label={`Field ${i + 1} kind`} value={f.kind} onChange={(e) => setField(i, { kind: e.target.value as FieldDefinition["kind"] })}>
                    {FIELD_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
                  </select>
                </td>
                <td><input type="checkbox" aria-label={`Field ${i + 1} required`} checked={f.required} onChange={(e) => setField(i, { required: e.target.checked })} /></td>
                <td>
                  {f.kind === "enum" && (
                    <>
                      <textarea aria-label={`Field ${i + 1} options, one per line`} rows={3} value={optionText[i] ?? ""} placeholder="one option per line" onChange={(e) => setOptionText(optionText.map((t, j) => (j === i ? e.target.value : t)))} />
                      <label className="small">at most <input type="number" min={1} max={20} value={f.maxSelected ?? 1} onChange={(e) => setField(i, { maxSelected: Number(e.target.value) })} /> chosen</label>
                    </>
                  )}
                  {MANY_KINDS.includes(f.kind) && <label className="checkbox small"><input type="checkbox" checked={Boolean(f.many)} onChange={(e) => setField(i, { many: e.target.checked })} /> many</label>}
                  {f.kind === "quantity" && <label className="checkbox small"><input type="checkbox" checked={Boolean(f.unitRequired)} onChange={(e) => setField(i, { unitRequired: e.target.checked })} /> unit required</label>}
                  {f.kind === "quantity" && <input className="small" size={10} maxLength={200} placeholder="default unit" aria-label={`Field ${i + 1} default unit`} value={f.defaultUnit ?? ""} onChange={(e) => setField(i, { defaultUnit: e.target.value })} />}
                </td>
                <td className="inline">
                  <button type="button" className="link-button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move field ${i + 1} up`}>↑</button>
                  <button type="button" className="link-button" disabled={i === def.fields.length - 1} onClick={() => move(i, 1)} aria-label={`Move field ${i + 1} down`}>↓</button>
                  <button type="button" className="link-button danger" onClick={() => remove(i)} aria-label={`Remove field ${i + 1}`}>✕</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p><button type="button" className="secondary small" onClick={add}>Add field</button></p>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="inline">
        <button type="submit" disabled={busy}>{busy ? "Saving…" : "Save claim type"}</button>
        <button type="button" className="secondary" onClick={() => (dirty ? setAsking(true) : onCancel())}>Cancel</button>
      </div>
      {asking && (
        <DiscardDialog description="This claim type has changes that are not saved. Discarding them cannot be undone."
          onKeep={() => setAsking(false)} onDiscard={() => { setAsking(false); onCancel(); }} />
      )}
    </form>
  );
}
