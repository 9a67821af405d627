"use client";
/** The side panel: the open claim's evidence spans, its typed fields, and save / delete. */
import type { ClaimTypeDefinition } from "@/lib/core/claim-types";
import type { DateReference } from "@/lib/core/values";
import { quotePreview } from "@/lib/core/offsets";
import { FieldInput } from "./fields/FieldInput";
import type { PanelState, SpanDraft } from "./types";

type Reference = DateReference | undefined;

export function ClaimPanel(props: {
  panel: PanelState;
  definition: ClaimTypeDefinition;
  color: string;
  reference: Reference;
  busy: boolean;
  error: string | null;
  conflict: boolean;
  canEdit: boolean;
  pendingSelection: SpanDraft | null;
  onChange(p: { values?: Record<string, unknown>; note?: string; spans?: SpanDraft[] }): void;
  onAddSelection(): void;
  onFocusSpan(span: SpanDraft): void;
  onSave(): void;
  onDelete(): void;
  onClose(): void;
  onReloadTheirs(): void;
}) {
  const { panel, definition, busy, canEdit } = props;
  const isNew = panel.mode === "new";
  return (
    <aside className="claim-panel" aria-labelledby="claim-panel-h" data-testid="claim-panel">
      <div className="claim-panel-head">
        <h2 id="claim-panel-h"><span className="swatch" style={{ background: props.color }} aria-hidden="true" /> {isNew ? "New" : ""} {definition.name}</h2>
        <button type="button" className="link-button" onClick={props.onClose} aria-label="Close claim panel (Esc)">✕</button>
      </div>
      {!isNew && panel.mode === "edit" && (
        <p className="muted small">#{panel.claim.seq} · by {panel.claim.authorName} · {panel.claim.status} · version {panel.claim.version}{panel.claim.claimTypeVersion !== undefined && ` · type v${panel.claim.claimTypeVersion}`}</p>
      )}
      <section aria-label="Evidence">
        <h3 className="small-h">Evidence</h3>
        <ol className="spans">
          {panel.spans.map((s, i) => (
            <li key={`${s.start}-${s.end}`}>
              <button type="button" className="quote-button" onClick={() => props.onFocusSpan(s)} data-testid="span-quote">“{quotePreview(s.exact, 240)}”</button>
              <span className="muted small"> {s.start}–{s.end}</span>
              {panel.spans.length > 1 && canEdit && (
                <button type="button" className="link-button danger small" onClick={() => props.onChange({ spans: panel.spans.filter((_, j) => j !== i) })}>remove</button>
              )}
            </li>
          ))}
        </ol>
        {canEdit && (
          <button type="button" className="secondary small" disabled={!props.pendingSelection} onClick={props.onAddSelection} data-testid="add-span">
            Add selected text as evidence (A)
          </button>
        )}
      </section>
      <form className="claim-fields" onSubmit={(e) => { e.preventDefault(); props.onSave(); }}>
        <fieldset disabled={!canEdit || busy}>
          {definition.fields.map((f) => f.derived ? (
            <p key={f.key} className="field small"><strong>{f.label}</strong>: {String(panel.values[f.key] ?? "set on save")} <span className="muted">(derived)</span></p>
          ) : (
            <FieldInput key={f.key} field={f} value={panel.values[f.key]} reference={props.reference}
              onChange={(v) => {
                const values = { ...panel.values };
                if (v === undefined) delete values[f.key];
                else values[f.key] = v;
                props.onChange({ values });
              }} />
          ))}
          <div className="field">
            <label htmlFor="claim-note">Note</label>
            <textarea id="claim-note" rows={2} value={panel.note} onChange={(e) => props.onChange({ note: e.target.value })} maxLength={5000} />
          </div>
        </fieldset>
        {props.error && (
          <div role="alert" className="error">
            {props.error}
            {props.conflict && <div><button type="button" className="link-button" onClick={props.onReloadTheirs}>Show their version</button> (your edits stay in the form; save again to re-apply them)</div>}
          </div>
        )}
        {canEdit && (
          <div className="inline">
            <button type="submit" disabled={busy} data-testid="save-claim">{busy ? "Saving…" : isNew ? "Save claim" : "Save changes"} <kbd>Ctrl+Enter</kbd></button>
            {!isNew && <button type="button" className="danger secondary" disabled={busy} onClick={props.onDelete} data-testid="delete-claim">Delete</button>}
          </div>
        )}
      </form>
    </aside>
  );
}
